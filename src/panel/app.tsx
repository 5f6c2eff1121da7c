import type { AnalyzedExchange } from "../report/build-json-report";
import { ExchangeDetail } from "./exchange-detail";
import { ExchangeList } from "./exchange-list";
import type { ExchangeStore } from "./exchange-store";
import { Toolbar } from "./toolbar";
import { usePanelState } from "./use-panel-state";

interface AppProps {
  readonly store: ExchangeStore;
  /** Label of the tab the panel shows, such as "Tab 12". */
  readonly tabLabel: string;
  readonly onClear: () => void;
  readonly onExport: (entries: readonly AnalyzedExchange[]) => void;
}

/** Renders the CORS panel: toolbar, list of exchanges, and the selected exchange's detail. */
export function App({ store, tabLabel, onClear, onExport }: AppProps) {
  const state = usePanelState(store);
  const selected =
    state.selectedId === null
      ? undefined
      : state.entries.find((entry) => entry.exchange.id === state.selectedId);
  const blockedCount = state.entries.filter(
    (entry) => entry.analysis.verdict === "blocked",
  ).length;
  return (
    <div class="panel">
      <Toolbar
        exchangeCount={state.entries.length}
        blockedCount={blockedCount}
        connection={state.connection}
        tabLabel={tabLabel}
        onClear={onClear}
        onExport={() => onExport(state.entries)}
      />
      <main class="panel-body">
        <ExchangeList
          entries={state.entries}
          selectedId={state.selectedId}
          onSelect={store.select}
        />
        <div class="detail-pane">
          {selected === undefined ? (
            <p class="detail-empty">
              Select a request to see why the browser allowed or blocked it.
            </p>
          ) : (
            <ExchangeDetail entry={selected} />
          )}
        </div>
      </main>
    </div>
  );
}
