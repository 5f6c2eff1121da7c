import type { ImportedHar } from "../har/import-har";
import type { Analysis } from "../model/analysis";
import type { Exchange } from "../model/exchange";
import { createExchangeStore, type ExchangeStore } from "./exchange-store";

/**
 * Creates a store that shows the exchanges of an imported HAR file instead of live
 * capture. The HAR import has already paired the records (with Chromium's preflight
 * links), so the store keeps that pairing instead of pairing the records again.
 */
export function createImportedStore(
  har: ImportedHar,
  analyzeExchange: (exchange: Exchange) => Analysis,
): ExchangeStore {
  const store = createExchangeStore({
    pairExchanges: () => [...har.exchanges],
    analyzeExchange,
    // The file is read once, so its analysis can run right away.
    requestFrame: (callback) => callback(),
  });
  store.receive({ type: "snapshot", tabId: -1, records: har.records });
  return store;
}
