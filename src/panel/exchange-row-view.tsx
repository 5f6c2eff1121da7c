import { memo } from "preact/compat";
import type { AnalyzedExchange } from "../report/build-json-report";
import { cachedRowText } from "./exchange-row";

const PREFLIGHT_TITLES: Readonly<Record<string, string>> = {
  sent: "A preflight was sent for this request",
  cached: "An earlier preflight's cached answer cleared this request",
  "not needed": "A simple request: sent without a preflight",
};

interface ExchangeRowViewProps {
  readonly entry: AnalyzedExchange;
  /** 0-based position in the list as shown. */
  readonly rowIndex: number;
  readonly selected: boolean;
  readonly tabStop: boolean;
  readonly onClick: (id: string) => void;
  readonly onKeyDown: (event: KeyboardEvent, id: string) => void;
}

/**
 * Renders one row of the exchange list. Memoized, so that a selection change re-renders
 * two rows instead of every row in view.
 */
export const ExchangeRowView = memo(function ExchangeRowView(
  props: ExchangeRowViewProps,
) {
  const id = props.entry.exchange.id;
  const text = cachedRowText(props.entry);
  const classes = ["exchange-row", `exchange-row--${text.verdict}`];
  // Stripes follow the position in the whole list, not in the rendered window.
  if (props.rowIndex % 2 === 1) classes.push("exchange-row--striped");
  if (props.selected) classes.push("exchange-row--selected");
  return (
    <tr
      class={classes.join(" ")}
      data-testid="exchange-row"
      data-id={id}
      data-verdict={text.verdict}
      data-method={text.method}
      data-url={text.url}
      tabIndex={props.tabStop ? 0 : -1}
      aria-selected={props.selected}
      aria-rowindex={props.rowIndex + 2}
      onClick={() => props.onClick(id)}
      onKeyDown={(event) => props.onKeyDown(event, id)}
    >
      <td class="cell-verdict">
        <span
          class={`verdict-mark verdict-mark--${text.verdict}`}
          aria-hidden="true"
        />
        {text.verdict}
        {text.hasWarnings ? (
          <span class="warning-mark" title="Has warnings">
            {" "}
            ⚠
          </span>
        ) : null}
      </td>
      <td class="cell-method">{text.method}</td>
      <td class="cell-url" title={text.url}>
        {text.url}
      </td>
      <td class="cell-initiator" title={text.initiator}>
        {text.initiator}
      </td>
      <td class="cell-preflight" title={PREFLIGHT_TITLES[text.preflight]}>
        {text.preflight}
      </td>
      <td class="cell-status">{text.preflightStatus}</td>
      <td class="cell-status">{text.actualStatus}</td>
      <td class="cell-finding" title={text.mainFinding}>
        {text.mainFinding}
      </td>
    </tr>
  );
});
