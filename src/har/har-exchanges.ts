import type { Exchange } from "../model/exchange";
import type { RequestRecord } from "../model/request-record";
import { requestOrigin } from "../pairing/cors-request";
import { pairExchanges } from "../pairing/pair-exchanges";

/**
 * Pairs HAR records into exchanges as live capture does (pairExchanges), then applies
 * the preflight links of Chromium's HAR. A linked preflight always goes to its own
 * request, even when the names in its Access-Control-Request-Headers differ from the
 * headers DevTools listed. A request whose guessed preflight belongs to another
 * request falls back to the preflight cache.
 */
export function exchangesFromHarRecords(
  records: readonly RequestRecord[],
  preflightLinks: ReadonlyMap<string, string>,
): Exchange[] {
  const exchanges = pairExchanges(records);
  if (preflightLinks.size === 0) return exchanges;

  const byId = new Map(records.map((record) => [record.id, record]));
  const preflightOfActual = new Map<string, RequestRecord>();
  for (const [preflightId, actualId] of preflightLinks) {
    const preflight = byId.get(preflightId);
    // The first preflight sent for a request is the one its exchange shows.
    if (preflight !== undefined && !preflightOfActual.has(actualId)) {
      preflightOfActual.set(actualId, preflight);
    }
  }

  return exchanges.map((exchange) => {
    const linked = preflightOfActual.get(exchange.id);
    if (linked !== undefined) {
      return {
        ...exchange,
        origin: exchange.origin ?? requestOrigin(linked),
        preflight: linked,
        preflightSource: "sent",
      };
    }
    const guessed = exchange.preflight;
    const claimedElsewhere =
      exchange.preflightSource === "sent" &&
      guessed !== null &&
      preflightLinks.has(guessed.id);
    if (!claimedElsewhere) return exchange;
    return { ...exchange, preflight: null, preflightSource: "cached" };
  });
}
