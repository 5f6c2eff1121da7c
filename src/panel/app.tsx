import { useRef, useState } from "preact/hooks";
import type { AnalyzedExchange } from "../report/build-json-report";
import { entriesInScope, type ExportScope } from "../report/export-scope";
import type { ReportFormat } from "../report/render-report";
import { CaptureControls } from "./capture-controls";
import { CaptureLimit } from "./capture-limit";
import { ExchangeDetail } from "./exchange-detail";
import { ExchangeList, type ExchangeListHandle } from "./exchange-list";
import type { ExchangeStore } from "./exchange-store";
import { ExportMenu } from "./export-menu";
import { FilterBar } from "./filter-bar";
import { ImportBanner, ImportHarButton, useFileDrop } from "./har-import";
import type { ExportRequest } from "./panel-export";
import { RedactionToggle } from "./redaction-toggle";
import { Toolbar } from "./toolbar";
import { useEscapeKey } from "./use-escape-key";
import { useImportedView } from "./use-imported-view";
import { useListView } from "./use-list-view";
import { usePanelState } from "./use-panel-state";
import "./export-controls.css";

interface AppProps {
  /** The live capture of the inspected tab. */
  readonly store: ExchangeStore;
  /** Label of the tab the panel shows, such as "Tab 12". */
  readonly tabLabel: string;
  readonly onClear: () => void;
  readonly onExport: (request: ExportRequest) => void;
  /** Reads a HAR file into a store of its own, or rejects with the reason. */
  readonly openHar: (file: File) => Promise<ExchangeStore>;
}

/** Renders the CORS panel: toolbar, list of exchanges, and the selected exchange's detail. */
export function App(props: AppProps) {
  const importedView = useImportedView(props.openHar);
  const imported = importedView.imported;
  const store = imported?.store ?? props.store;
  const state = usePanelState(store);
  // The connection is live capture's, which goes on while a file is shown.
  const liveState = usePanelState(props.store);
  const [scope, setScope] = useState<ExportScope>("all");
  const [format, setFormat] = useState<ReportFormat>("json");
  const [redact, setRedact] = useState(true);
  const drop = useFileDrop(importedView.open);
  const listView = useListView(state.entries);
  const [detailOpen, setDetailOpen] = useState(false);
  const list = useRef<ExchangeListHandle>(null);

  const selected =
    state.selectedId === null
      ? undefined
      : state.entries.find((entry) => entry.exchange.id === state.selectedId);
  // The detail closes when the filter hides the selected exchange.
  const detailEntry =
    detailOpen && selected !== undefined && listView.shown.includes(selected)
      ? selected
      : undefined;
  const openDetail = (id: string) => {
    store.select(id);
    setDetailOpen(true);
  };
  useEscapeKey(detailOpen, () => {
    setDetailOpen(false);
    if (state.selectedId !== null) list.current?.focusRow(state.selectedId);
  });
  const blockedCount = state.entries.filter(
    (entry) => entry.analysis.verdict === "blocked",
  ).length;
  const exportScope =
    scope === "selected" && selected === undefined ? "all" : scope;
  const exportReport = (entries: readonly AnalyzedExchange[]) =>
    props.onExport({
      kind: "report",
      format,
      entries: entriesInScope(entries, exportScope, state.selectedId),
      redact,
    });

  return (
    <div
      class={drop.dragging ? "panel panel--dropping" : "panel"}
      {...drop.handlers}
    >
      <Toolbar
        exchangeCount={state.entries.length}
        shownCount={listView.filterActive ? listView.shown.length : undefined}
        blockedCount={blockedCount}
        connection={liveState.connection}
        paused={liveState.captureOptions?.paused === true}
        tabLabel={
          imported === null ? props.tabLabel : `Imported: ${imported.fileName}`
        }
        onClear={props.onClear}
        canClear={imported === null}
        onExport={() => exportReport(state.entries)}
      >
        <ExportMenu
          scope={exportScope}
          format={format}
          hasSelection={selected !== undefined}
          onScopeChange={setScope}
          onFormatChange={setFormat}
          onExportHar={() =>
            props.onExport({
              kind: "har",
              records: store.getRecords(),
              entries: state.entries,
              redact,
            })
          }
        />
        <RedactionToggle checked={redact} onChange={setRedact} />
        <ImportHarButton onFile={importedView.open} />
        {imported === null ? <CaptureControls store={props.store} /> : null}
      </Toolbar>
      <FilterBar filter={listView.filter} onChange={listView.setFilter} />
      <ImportBanner
        fileName={imported?.fileName ?? null}
        requestCount={state.entries.length}
        error={importedView.error}
        onBackToLive={importedView.backToLive}
        onDismissError={importedView.dismissError}
      />
      <h1 class="visually-hidden">CORS Lens</h1>
      <main class="panel-body">
        <ExchangeList
          entries={listView.shown}
          totalCount={state.entries.length}
          selectedId={state.selectedId}
          onSelect={store.select}
          onOpen={openDetail}
          sort={listView.sort}
          onSortChange={listView.setSort}
          handle={list}
        />
        <div class="detail-pane">
          {detailEntry === undefined ? (
            <p class="detail-empty">
              Select a request to see why the browser allowed or blocked it.
            </p>
          ) : (
            <ExchangeDetail entry={detailEntry} redact={redact} />
          )}
        </div>
      </main>
      {imported === null ? (
        <CaptureLimit droppedCount={state.droppedCount ?? 0} />
      ) : null}
      {drop.dragging ? (
        <div class="drop-hint" aria-hidden="true">
          Drop a HAR file to analyze it
        </div>
      ) : null}
    </div>
  );
}
