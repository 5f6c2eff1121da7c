import { normalizeMethod } from "../analyzer/safelist";
import { headerValue } from "../model/header";
import type { RedirectHop, RequestRecord } from "../model/request-record";
import { originOf } from "../pairing/cors-request";
import type { HarEntryFacts } from "./read-har-entry";
import { webRequestTypeOf } from "./resource-types";

/** Fetch's redirect limit ("HTTP-redirect fetch", step 4). */
const MAX_REDIRECTS = 20;

/** RequestRecords made from a HAR log, and which preflight was sent for which request. */
export interface HarRecords {
  readonly records: RequestRecord[];
  /**
   * Preflight record id to the id of the actual request it was sent for, from
   * Chromium's `_initiator` of type `preflight`.
   */
  readonly preflightLinks: ReadonlyMap<string, string>;
}

/**
 * Turns HAR entries into RequestRecords as browser capture would have made them.
 * Redirect hops (an entry whose `redirectURL` another entry requests next) are folded
 * into one record. Status 0 means no response. Chromium's preflight entries are linked
 * to their actual request.
 */
export function recordsFromHarEntries(
  entries: readonly HarEntryFacts[],
): HarRecords {
  const ordered = [...entries].sort(
    (left, right) =>
      left.startTime - right.startTime || left.index - right.index,
  );
  const chains = foldRedirects(ordered);
  const ids = new Set<string>();
  const built = chains.map((chain) => {
    const record = recordFromChain(chain, ids);
    ids.add(record.id);
    return { record, first: chain[0] };
  });
  return linkPreflights(built);
}

/**
 * Returns whether Chromium's HAR marks the entry as a preflight, by `_resourceType`
 * or `_initiator`.
 */
export function isChromiumPreflight(entry: HarEntryFacts): boolean {
  return (
    entry.resourceType === "preflight" || entry.initiator?.type === "preflight"
  );
}

/** Groups the entries into redirect chains, each in the order it was followed. */
function foldRedirects(ordered: readonly HarEntryFacts[]): HarEntryFacts[][] {
  const position = new Map<HarEntryFacts, number>();
  const byUrl = new Map<string, HarEntryFacts[]>();
  ordered.forEach((entry, index) => {
    position.set(entry, index);
    if (isChromiumPreflight(entry)) return;
    const list = byUrl.get(entry.url);
    if (list === undefined) byUrl.set(entry.url, [entry]);
    else list.push(entry);
  });

  const folded = new Set<HarEntryFacts>();
  const chains: HarEntryFacts[][] = [];
  for (const entry of ordered) {
    if (folded.has(entry)) continue;
    const chain = [entry];
    // Preflights never follow redirects (Fetch "CORS-preflight fetch").
    let current = isChromiumPreflight(entry) ? null : entry;
    while (current !== null && chain.length <= MAX_REDIRECTS) {
      const next = nextHop(current, byUrl, position, folded);
      if (next === null) break;
      folded.add(next);
      chain.push(next);
      current = next;
    }
    chains.push(chain);
  }
  return chains;
}

function nextHop(
  hop: HarEntryFacts,
  byUrl: ReadonlyMap<string, readonly HarEntryFacts[]>,
  position: ReadonlyMap<HarEntryFacts, number>,
  folded: ReadonlySet<HarEntryFacts>,
): HarEntryFacts | null {
  if (hop.status < 300 || hop.status > 399 || hop.redirectUrl === "") {
    return null;
  }
  const target = resolveUrl(hop.redirectUrl, hop.url);
  const after = position.get(hop) ?? 0;
  const candidates = byUrl.get(target) ?? [];
  return (
    candidates.find(
      (candidate) =>
        (position.get(candidate) ?? 0) > after &&
        !folded.has(candidate) &&
        followsMethod(hop, candidate) &&
        (hop.requestId === null ||
          candidate.requestId === null ||
          hop.requestId === candidate.requestId),
    ) ?? null
  );
}

/**
 * A redirect keeps the method, except that 303 turns it into GET, and 301 and 302 turn
 * POST into GET (Fetch "HTTP-redirect fetch", step 12).
 */
function followsMethod(hop: HarEntryFacts, next: HarEntryFacts): boolean {
  if (next.method === hop.method) return true;
  if (next.method !== "GET") return false;
  return (
    hop.status === 303 ||
    ((hop.status === 301 || hop.status === 302) && hop.method === "POST")
  );
}

function resolveUrl(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

function recordFromChain(
  chain: readonly HarEntryFacts[],
  takenIds: ReadonlySet<string>,
): RequestRecord {
  const first = chain[0];
  const last = chain[chain.length - 1];
  if (first === undefined || last === undefined) {
    throw new Error("A redirect chain has at least one entry.");
  }
  const redirects: RedirectHop[] = chain.slice(0, -1).map((hop) => ({
    url: hop.url,
    statusCode: hop.status,
    responseHeaders: hop.responseHeaders,
    redirectUrl: resolveUrl(hop.redirectUrl, hop.url),
  }));
  return {
    id: uniqueId(first, takenIds),
    url: first.url,
    method: first.method,
    type: webRequestTypeOf(first.resourceType, first.requestHeaders),
    tabId: -1,
    frameId: first.frameId ?? 0,
    initiator: initiatorOrigin(first),
    requestHeadersSeen: last.requestHeadersSeen,
    requestHeaders: last.requestHeaders,
    statusCode: last.status === 0 ? null : last.status,
    responseHeaders: last.responseHeaders,
    redirects,
    error: last.error,
    inFlight: false,
    startTime: first.startTime,
    endTime: last.startTime + (last.duration ?? 0),
  };
}

/** Returns CORS Lens's own `_requestId` when unique, else the entry's position. */
function uniqueId(entry: HarEntryFacts, takenIds: ReadonlySet<string>): string {
  if (entry.requestId !== null && !takenIds.has(entry.requestId)) {
    return entry.requestId;
  }
  const position = String(entry.index);
  return takenIds.has(position) ? `entry-${entry.index}` : position;
}

/**
 * Returns the origin of the page that made the request: its `Origin` header, else the
 * origin of Chromium's `_initiator.url`, else the origin of `Referer`. For
 * parser-initiated requests `_initiator.url` is the document, but for a preflight it is
 * the target, so it is skipped there. Browsers send no `Referer` naming another origin
 * than the page's.
 */
function initiatorOrigin(entry: HarEntryFacts): string | null {
  const origin = headerValue(entry.requestHeaders, "origin");
  if (origin !== null && origin !== "null") return origin;
  const initiatorUrl = entry.initiator?.url ?? null;
  if (initiatorUrl !== null && entry.initiator?.type !== "preflight") {
    const fromInitiator = originOf(initiatorUrl);
    if (fromInitiator !== null && fromInitiator !== "null")
      return fromInitiator;
  }
  const referer = headerValue(entry.requestHeaders, "referer");
  const fromReferer = referer === null ? null : originOf(referer);
  return fromReferer === "null" ? null : fromReferer;
}

interface BuiltRecord {
  readonly record: RequestRecord;
  readonly first: HarEntryFacts | undefined;
}

/**
 * Links each Chromium preflight entry to its actual request. Chromium's HAR names the
 * actual request by DevTools requestId (`_initiator.requestId`) and URL
 * (`_initiator.url`), but its entries carry no requestId of their own. So the actual
 * request is the one whose CORS Lens `_requestId` equals it. Otherwise it is the oldest
 * request to that URL with the preflight's method that started no later than the
 * preflight and that no other requestId claimed.
 */
function linkPreflights(built: readonly BuiltRecord[]): HarRecords {
  const records = built.map(({ record }) => record);
  const byId = new Map(records.map((record) => [record.id, record]));
  const actuals = new Set<RequestRecord>();
  const actualsByUrl = new Map<string, RequestRecord[]>();
  for (const { record, first } of built) {
    if (first === undefined || isChromiumPreflight(first)) continue;
    actuals.add(record);
    const list = actualsByUrl.get(record.url);
    if (list === undefined) actualsByUrl.set(record.url, [record]);
    else list.push(record);
  }
  const claimedBy = new Map<string, string>();
  const actualOfRequestId = new Map<string, RequestRecord>();
  const links = new Map<string, string>();

  for (const { record, first } of built) {
    if (first === undefined || !isChromiumPreflight(first)) continue;
    const requestId = first.initiator?.requestId ?? `preflight ${record.id}`;
    const targetUrl = first.initiator?.url ?? record.url;
    const method = headerValue(
      record.requestHeaders,
      "access-control-request-method",
    );
    let actual = actualOfRequestId.get(requestId);
    if (actual === undefined) {
      const exact = byId.get(requestId);
      actual =
        exact !== undefined && actuals.has(exact)
          ? exact
          : (actualsByUrl.get(targetUrl) ?? []).find(
              (candidate) =>
                candidate.startTime <= record.startTime &&
                normalizeMethod(candidate.method) === method &&
                (claimedBy.get(candidate.id) ?? requestId) === requestId,
            );
    }
    if (actual === undefined) continue;
    actualOfRequestId.set(requestId, actual);
    claimedBy.set(actual.id, requestId);
    links.set(record.id, actual.id);
  }

  const linkedActuals = new Set(links.values());
  const finished = records.map((record) => {
    const actualId = links.get(record.id);
    if (actualId !== undefined) {
      const actual = byId.get(actualId);
      return actual === undefined ? record : { ...record, type: actual.type };
    }
    return linkedActuals.has(record.id)
      ? withoutProvisionalHeaders(record)
      : record;
  });
  return { records: finished, preflightLinks: links };
}

/**
 * Chromium lists only provisional headers (those the page set, `Referer`,
 * `User-Agent`) for a request it never sent because its preflight failed. Without
 * `Origin` or `Sec-Fetch-Mode` they cannot be the headers sent, so the record marks
 * the headers as not seen, as browser capture does for such a request.
 */
function withoutProvisionalHeaders(record: RequestRecord): RequestRecord {
  const sent =
    headerValue(record.requestHeaders, "origin") !== null ||
    headerValue(record.requestHeaders, "sec-fetch-mode") !== null;
  return sent
    ? record
    : { ...record, requestHeadersSeen: false, requestHeaders: [] };
}
