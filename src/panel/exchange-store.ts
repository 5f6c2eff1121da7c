import type { HarEntryFacts } from "../har/read-har-entry";
import type { Analysis } from "../model/analysis";
import type { Exchange } from "../model/exchange";
import type { RequestRecord } from "../model/request-record";
import {
  captureOptionsFrom,
  type CaptureOptions,
  type CaptureOptionsChange,
} from "../messaging/capture-options";
import type {
  BackgroundToPageMessage,
  PageToBackgroundMessage,
} from "../messaging/port-protocol";
import type { AnalyzedExchange } from "../report/build-json-report";
import type { ConnectionState } from "./background-connection";

/** Everything the panel renders. A new object whenever anything in it changes. */
export interface PanelState {
  /** Exchanges in the order their actual requests started. */
  readonly entries: readonly AnalyzedExchange[];
  readonly selectedId: string | null;
  readonly connection: ConnectionState;
  /**
   * Older exchanges the background dropped to stay within the per-tab cap; absent
   * until the first capture is analyzed.
   */
  readonly droppedCount?: number;
  /** The tab's capture options; absent until the background sent them. */
  readonly captureOptions?: CaptureOptions;
}

/** The records made from HAR entries, and the exchanges paired from them. */
export interface EntryExchanges {
  readonly records: readonly RequestRecord[];
  readonly exchanges: readonly Exchange[];
}

export interface ExchangeStoreDependencies {
  readonly pairExchanges: (records: readonly RequestRecord[]) => Exchange[];
  /** Pairs the HAR entries DevTools captured; needed when the capture sends entries. */
  readonly pairEntries?: (entries: readonly HarEntryFacts[]) => EntryExchanges;
  readonly analyzeExchange: (exchange: Exchange) => Analysis;
  /** Runs the callback once before the next paint, as `requestAnimationFrame` does. */
  readonly requestFrame: (callback: () => void) => void;
}

export interface ExchangeStore {
  readonly getState: () => PanelState;
  /** Calls `listener` after every state change and returns the unsubscribe function. */
  readonly subscribe: (listener: () => void) => () => void;
  /**
   * Applies a message from the background. Records are re-analyzed on the next frame.
   * `send`, when given, is kept to send the background changes of the capture options.
   */
  readonly receive: (
    message: BackgroundToPageMessage,
    send?: (message: PageToBackgroundMessage) => boolean,
  ) => void;
  /**
   * Asks the background to change the tab's capture options, and returns false when no
   * connection is open. The state changes once the background confirms the change.
   */
  readonly setCaptureOptions: (change: CaptureOptionsChange) => boolean;
  readonly select: (id: string | null) => void;
  readonly setConnectionState: (connection: ConnectionState) => void;
  /** Returns every record received, preflights and non-CORS requests included. */
  readonly getRecords: () => readonly RequestRecord[];
}

/**
 * Creates the panel's store: records by id (or the HAR entries they are made from), the
 * exchanges paired and analyzed from them,
 * the selection and the connection state. Record changes are coalesced so that pairing
 * and analysis run at most once per frame, and an exchange whose records did not change
 * keeps its earlier analysis.
 */
export function createExchangeStore(
  dependencies: ExchangeStoreDependencies,
): ExchangeStore {
  const records = new Map<string, RequestRecord>();
  let entries: HarEntryFacts[] = [];
  let entryRecords: readonly RequestRecord[] = [];
  let fromEntries = false;
  const listeners = new Set<() => void>();
  let analyzed = new Map<string, AnalyzedExchange>();
  let frameRequested = false;
  let droppedCount = 0;
  let sendToBackground: (message: PageToBackgroundMessage) => boolean = () =>
    false;
  let state: PanelState = {
    entries: [],
    selectedId: null,
    connection: "connecting",
  };

  function update(changes: Partial<PanelState>): void {
    state = { ...state, ...changes };
    for (const listener of [...listeners]) listener();
  }

  function requestAnalysis(): void {
    if (frameRequested) return;
    frameRequested = true;
    dependencies.requestFrame(() => {
      frameRequested = false;
      analyzeRecords();
    });
  }

  function pair(): readonly Exchange[] {
    if (!fromEntries) return dependencies.pairExchanges([...records.values()]);
    if (dependencies.pairEntries === undefined) {
      throw new Error("The store received HAR entries but cannot pair them.");
    }
    const paired = dependencies.pairEntries(entries);
    entryRecords = paired.records;
    return paired.exchanges;
  }

  function analyzeRecords(): void {
    const next = new Map<string, AnalyzedExchange>();
    const shown: AnalyzedExchange[] = [];
    for (const exchange of pair()) {
      const entry = reuseOrAnalyze(exchange, analyzed.get(exchange.id));
      if (entry === null) continue;
      next.set(exchange.id, entry);
      shown.push(entry);
    }
    analyzed = next;
    const selectedId =
      state.selectedId !== null && next.has(state.selectedId)
        ? state.selectedId
        : null;
    update({ entries: shown, selectedId, droppedCount });
  }

  function reuseOrAnalyze(
    exchange: Exchange,
    earlier: AnalyzedExchange | undefined,
  ): AnalyzedExchange | null {
    if (earlier !== undefined && sameRecords(earlier.exchange, exchange)) {
      return earlier;
    }
    try {
      return { exchange, analysis: dependencies.analyzeExchange(exchange) };
    } catch (error) {
      // One malformed record must not blank the whole panel.
      console.error(
        `CORS Lens: analyzing exchange ${exchange.id} failed`,
        error,
      );
      return null;
    }
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    receive(message, send) {
      if (send !== undefined) sendToBackground = send;
      switch (message.type) {
        case "options":
          update({ captureOptions: captureOptionsFrom(message.options) });
          return;
        case "snapshot":
          records.clear();
          for (const record of message.records) records.set(record.id, record);
          fromEntries = message.entries !== undefined;
          entries = [...(message.entries ?? [])];
          droppedCount = message.dropped ?? 0;
          if (message.options !== undefined) {
            update({ captureOptions: captureOptionsFrom(message.options) });
          }
          break;
        case "records":
          for (const id of message.removed ?? []) records.delete(id);
          for (const record of message.records) records.set(record.id, record);
          droppedCount = message.dropped ?? droppedCount;
          break;
        case "entries": {
          const keptFrom = message.keptFrom ?? 0;
          fromEntries = true;
          entries = entries.filter((entry) => entry.index >= keptFrom);
          entries.push(...message.entries);
          droppedCount = message.dropped ?? droppedCount;
          break;
        }
        case "cleared":
          records.clear();
          entries = [];
          droppedCount = 0;
          break;
      }
      requestAnalysis();
    },
    select(id) {
      if (id === state.selectedId) return;
      if (id !== null && !analyzed.has(id)) return;
      update({ selectedId: id });
    },
    setCaptureOptions(change) {
      return sendToBackground({ type: "setOptions", ...change });
    },
    setConnectionState(connection) {
      if (connection === state.connection) return;
      update({ connection });
    },
    getRecords: () => (fromEntries ? entryRecords : [...records.values()]),
  };
}

/** Records are replaced, never mutated, so identity shows whether one changed. */
function sameRecords(earlier: Exchange, next: Exchange): boolean {
  return (
    earlier.actual === next.actual &&
    earlier.preflight === next.preflight &&
    earlier.preflightSource === next.preflightSource &&
    earlier.origin === next.origin
  );
}
