import type { ComponentChildren } from "preact";
import type { ConnectionState } from "./background-connection";

interface ToolbarProps {
  readonly exchangeCount: number;
  /** Exchanges the filter lets through, or undefined when no filter is set. */
  readonly shownCount?: number;
  readonly blockedCount: number;
  readonly connection: ConnectionState;
  /** True while recording of the tab is paused. */
  readonly paused?: boolean;
  readonly tabLabel: string;
  readonly onClear: () => void;
  readonly onExport: () => void;
  /** False while an imported file is shown: Clear acts on live capture only. */
  readonly canClear?: boolean;
  /** Export and import controls shown after the "Export report" button. */
  readonly children?: ComponentChildren;
}

const CONNECTION_TEXT: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  connected: "Recording",
  reconnecting: "Reconnecting…",
};

export function Toolbar(props: ToolbarProps) {
  const requests = requestCountText(props.exchangeCount, props.shownCount);
  return (
    <header class="toolbar">
      <button
        type="button"
        data-testid="clear"
        title="Remove every recorded request of this tab"
        disabled={props.canClear === false}
        onClick={props.onClear}
      >
        Clear
      </button>
      <button
        type="button"
        data-testid="export-report"
        title="Save the findings report of the chosen requests in the chosen format"
        onClick={props.onExport}
      >
        Export report
      </button>
      {props.children}
      <span class="toolbar-separator" />
      <span
        class="exchange-count"
        data-testid="exchange-count"
        data-count={props.exchangeCount}
        data-shown={props.shownCount ?? props.exchangeCount}
      >
        {requests}
        {props.blockedCount > 0 ? `, ${props.blockedCount} blocked` : ""}
      </span>
      <span class="toolbar-spacer" />
      <span class="tab-label">{props.tabLabel}</span>
      <span
        class={`connection-status connection-status--${props.connection}${props.paused === true ? " connection-status--paused" : ""}`}
        data-testid="connection-status"
        data-state={props.connection}
        role="status"
      >
        {props.connection === "connected" && props.paused === true
          ? "Paused"
          : CONNECTION_TEXT[props.connection]}
      </span>
    </header>
  );
}

/** Returns "N requests", or "N of M requests" while a filter hides some. */
export function requestCountText(total: number, shown?: number): string {
  const noun = total === 1 ? "request" : "requests";
  if (shown === undefined) return `${total} ${noun}`;
  return `${shown} of ${total} ${noun}`;
}
