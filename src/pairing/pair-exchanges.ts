import { headerValue } from "../model/header";
import type { Exchange } from "../model/exchange";
import type { RequestRecord } from "../model/request-record";
import {
  corsUnsafeRequestHeaderNames,
  needsPreflight,
  normalizeMethod,
  requestHeadersFromPreflight,
} from "../analyzer/safelist";
import { isCorsCandidate, isPreflight, requestOrigin } from "./cors-request";

/**
 * Groups records into exchanges. Each preflight is attached to the oldest earlier actual
 * request it matches that has no preflight yet, or, when it targets a URL the request
 * was redirected to, to that request's redirect preflights. An actual request that
 * needed a preflight but has none is marked as cleared by the preflight cache, with the
 * latest earlier matching preflight. Exchanges come out in the order their actual
 * requests started, and depend only on the records, not on the order they come in.
 */
export function pairExchanges(records: readonly RequestRecord[]): Exchange[] {
  const ordered = [...records].sort(compareByStart);
  const waitingForPreflight = new Map<string, RequestRecord[]>();
  const preflightOf = new Map<string, RequestRecord>();
  const waitingAfterRedirect = new Map<string, RequestRecord[]>();
  const redirectPreflightsOf = new Map<string, RequestRecord[]>();
  const seenPreflights = new Map<string, RequestRecord[]>();
  const actuals: RequestRecord[] = [];

  for (const record of ordered) {
    if (isPreflight(record)) {
      const key = pairingKey(record, record.url);
      // Chromium and Firefox send the preflights of concurrent identical requests in
      // the order the requests started (observed in Chromium 156 and Firefox 153), so
      // the oldest waiting request that matches gets the preflight.
      const candidates = waitingForPreflight.get(key) ?? [];
      const index = candidates.findIndex((candidate) =>
        preflightMatches(record, candidate),
      );
      const candidate = candidates[index];
      if (candidate !== undefined) {
        preflightOf.set(candidate.id, record);
        candidates.splice(index, 1);
      } else {
        attachAfterRedirect(record, waitingAfterRedirect, redirectPreflightsOf);
      }
      appendTo(seenPreflights, key, record);
      continue;
    }
    if (!isCorsCandidate(record)) continue;
    actuals.push(record);
    if (mayNeedPreflight(record)) {
      appendTo(waitingForPreflight, pairingKey(record, record.url), record);
    }
    for (const hop of record.redirects) {
      appendTo(
        waitingAfterRedirect,
        pairingKey(record, hop.redirectUrl),
        record,
      );
    }
  }

  return actuals.map((actual) => {
    const exchange = toExchange(
      actual,
      preflightOf.get(actual.id) ?? null,
      seenPreflights,
    );
    const redirectPreflights = redirectPreflightsOf.get(actual.id);
    return redirectPreflights === undefined
      ? exchange
      : { ...exchange, redirectPreflights };
  });
}

/**
 * Attaches a preflight sent for a URL a request was redirected to. Chromium sends a new
 * preflight after a redirect when the request still needs one (observed in Chromium 156
 * after a 307); its `Origin` is `null` after a cross-origin hop, so only the method and
 * the timing are compared.
 */
function attachAfterRedirect(
  preflight: RequestRecord,
  waitingAfterRedirect: Map<string, RequestRecord[]>,
  redirectPreflightsOf: Map<string, RequestRecord[]>,
): void {
  const candidates =
    waitingAfterRedirect.get(pairingKey(preflight, preflight.url)) ?? [];
  const index = candidates.findIndex(
    (candidate) =>
      preflight.startTime >= candidate.startTime &&
      preflightAllowsMethodOf(preflight, candidate),
  );
  const candidate = candidates[index];
  if (candidate === undefined) return;
  candidates.splice(index, 1);
  appendTo(redirectPreflightsOf, candidate.id, preflight);
}

function toExchange(
  actual: RequestRecord,
  preflight: RequestRecord | null,
  seenPreflights: ReadonlyMap<string, readonly RequestRecord[]>,
): Exchange {
  const origin =
    requestOrigin(actual) ??
    (preflight === null ? null : requestOrigin(preflight));
  const base = { id: actual.id, tabId: actual.tabId, origin, actual };
  if (preflight !== null) {
    return { ...base, preflight, preflightSource: "sent" };
  }
  // An actual request whose headers were never seen and that has no preflight counts
  // as not needing one: nothing shows otherwise.
  if (!needsPreflightKnown(actual)) {
    return { ...base, preflight: null, preflightSource: "not-needed" };
  }
  const earlier = (seenPreflights.get(pairingKey(actual, actual.url)) ?? [])
    .filter(
      (record) =>
        record.startTime <= actual.startTime &&
        preflightAllowsMethodOf(record, actual),
    )
    .at(-1);
  return { ...base, preflight: earlier ?? null, preflightSource: "cached" };
}

/**
 * An actual request whose headers are not known yet may still need a preflight: in
 * Chromium its preflight runs between its `onBeforeRequest` and its `onSendHeaders`
 * (observed in Chromium 156), and when the preflight fails the headers are never sent.
 * Firefox fires the actual request's `onSendHeaders` before the preflight starts
 * (observed in Firefox 153), so there the headers are known.
 */
function mayNeedPreflight(record: RequestRecord): boolean {
  if (!record.requestHeadersSeen) return true;
  return needsPreflightKnown(record);
}

function needsPreflightKnown(record: RequestRecord): boolean {
  return (
    record.requestHeadersSeen &&
    needsPreflight(record.method, record.requestHeaders)
  );
}

function preflightMatches(
  preflight: RequestRecord,
  actual: RequestRecord,
): boolean {
  if (preflight.startTime < actual.startTime) return false;
  if (!preflightAllowsMethodOf(preflight, actual)) return false;
  if (requestOrigin(preflight) !== requestOrigin(actual)) {
    if (actual.requestHeadersSeen) return false;
  }
  if (!actual.requestHeadersSeen) return true;
  return sameNames(
    requestHeadersFromPreflight(preflight),
    corsUnsafeRequestHeaderNames(actual.requestHeaders),
  );
}

function preflightAllowsMethodOf(
  preflight: RequestRecord,
  actual: RequestRecord,
): boolean {
  const requested = headerValue(
    preflight.requestHeaders,
    "access-control-request-method",
  );
  return requested === normalizeMethod(actual.method);
}

/**
 * Chromium's webRequest never shows `Authorization` in request headers (Chromium 156,
 * `extraHeaders` or not), while the preflight names it in Access-Control-Request-Headers,
 * so an actual request without it may still have sent it. Firefox shows it (Firefox
 * 153), and an actual request that shows it must find it in the preflight.
 */
function sameNames(fromPreflight: string[], fromActual: string[]): boolean {
  const hidden = fromActual.includes("authorization")
    ? new Set<string>()
    : new Set(["authorization"]);
  const left = fromPreflight.filter((name) => !hidden.has(name)).sort();
  const right = fromActual.filter((name) => !hidden.has(name)).sort();
  return (
    left.length === right.length && left.every((name, i) => name === right[i])
  );
}

function pairingKey(record: RequestRecord, url: string): string {
  return `${record.tabId} ${record.frameId} ${record.initiator ?? ""} ${url}`;
}

function appendTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * Orders records by start time. Firefox gives whole milliseconds (Firefox 153), so an
 * actual request and its preflight can start in the same millisecond: the actual
 * request goes first, because in both browsers it starts before its preflight.
 */
function compareByStart(left: RequestRecord, right: RequestRecord): number {
  if (left.startTime !== right.startTime)
    return left.startTime - right.startTime;
  const preflightOrder = Number(isPreflight(left)) - Number(isPreflight(right));
  if (preflightOrder !== 0) return preflightOrder;
  return compareIds(left.id, right.id);
}

/** Compares webRequest ids, which both browsers count up as decimal strings, by value. */
function compareIds(left: string, right: string): number {
  const decimal = /^\d+$/;
  if (
    decimal.test(left) &&
    decimal.test(right) &&
    left.length !== right.length
  ) {
    return left.length - right.length;
  }
  return left < right ? -1 : left > right ? 1 : 0;
}
