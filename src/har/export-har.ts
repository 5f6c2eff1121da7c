import { headerValue } from "../model/header";
import type { HeaderList } from "../model/header";
import type { RequestRecord } from "../model/request-record";
import { isPreflight } from "../pairing/cors-request";
import type { AnalyzedExchange } from "../report/analyzed-exchange";
import { redactEntries, redactRecord } from "../report/redaction";
import type {
  HarCorsAnalysis,
  HarEntry,
  HarInitiator,
  HarLog,
  HarNameValue,
} from "./har-format";
import { devtoolsResourceTypeOf } from "./resource-types";

export interface HarExportOptions {
  /** Version of CORS Lens, written as the log's creator version. */
  readonly toolVersion: string;
  /** Redacts secrets as the findings reports do. True when left out. */
  readonly redact?: boolean;
}

/**
 * Builds a HAR 1.2 log of every record, preflights included, one entry per redirect
 * hop, in the order the requests started. Each actual request's last entry carries
 * its analysis in `_cors`. Preflights are marked the way Chromium's DevTools marks
 * them (`_resourceType: "preflight"`, `_initiator` naming the actual request), so
 * Chromium's DevTools shows them as preflights and importHarText pairs them again.
 */
export function buildHarLog(
  records: readonly RequestRecord[],
  entries: readonly AnalyzedExchange[],
  options: HarExportOptions,
): HarLog {
  const redact = options.redact ?? true;
  const analyzed = redact ? redactEntries(entries) : entries;
  const analysisOf = new Map(
    analyzed.map((entry) => [entry.exchange.id, entry]),
  );
  const actualOfPreflight = new Map<string, RequestRecord>();
  for (const { exchange } of analyzed) {
    if (exchange.preflightSource === "sent" && exchange.preflight !== null) {
      actualOfPreflight.set(exchange.preflight.id, exchange.actual);
    }
    for (const preflight of exchange.redirectPreflights ?? []) {
      actualOfPreflight.set(preflight.id, exchange.actual);
    }
  }

  const ordered = [...records].sort(compareByStart);
  const harEntries = ordered.flatMap((record) => {
    const written = redact ? redactRecord(record) : record;
    const entry = analysisOf.get(record.id);
    return entriesOfRecord(written, {
      preflightFor: actualOfPreflight.get(record.id) ?? null,
      cors: entry === undefined ? null : corsAnalysis(entry),
    });
  });

  return {
    log: {
      version: "1.2",
      creator: { name: "CORS Lens", version: options.toolVersion },
      pages: [],
      entries: harEntries,
      comment: redact
        ? "Secrets were redacted: the values of Authorization, Proxy-Authorization, Cookie, Set-Cookie, secret-looking headers and query parameters read [redacted]."
        : "Secrets were not redacted.",
    },
  };
}

function compareByStart(left: RequestRecord, right: RequestRecord): number {
  if (left.startTime !== right.startTime) {
    return left.startTime - right.startTime;
  }
  if (left.id === right.id) return 0;
  return left.id < right.id ? -1 : 1;
}

function corsAnalysis({
  exchange,
  analysis,
}: AnalyzedExchange): HarCorsAnalysis {
  return {
    verdict: analysis.verdict,
    preflightSource: exchange.preflightSource,
    browsers: {
      chromium: { ...analysis.browsers.chromium },
      firefox: { ...analysis.browsers.firefox },
    },
    findings: analysis.findings.map((finding) => ({ ...finding })),
  };
}

interface EntryContext {
  /** The actual request this record is the preflight of, or null. */
  readonly preflightFor: RequestRecord | null;
  readonly cors: HarCorsAnalysis | null;
}

/** Builds one entry for each redirect response, then one for the final response. */
function entriesOfRecord(
  record: RequestRecord,
  context: EntryContext,
): HarEntry[] {
  const startedDateTime = isoTime(record.startTime);
  const resourceType =
    context.preflightFor === null
      ? devtoolsResourceTypeOf(record.type)
      : "preflight";
  const initiator = initiatorOf(record, context.preflightFor);
  const shared = {
    _requestId: record.id,
    _frameId: record.frameId,
    _resourceType: resourceType,
    _initiator: initiator,
  };

  const hops: HarEntry[] = record.redirects.map((hop) => ({
    startedDateTime,
    time: 0,
    request: harRequest(record.method, hop.url, record.requestHeaders),
    response: harResponse(
      hop.statusCode,
      hop.responseHeaders,
      hop.redirectUrl,
      null,
    ),
    cache: {},
    timings: timings(0),
    ...shared,
  }));
  const lastHop = record.redirects[record.redirects.length - 1];
  const finalUrl = lastHop === undefined ? record.url : lastHop.redirectUrl;
  const duration =
    record.endTime === null
      ? 0
      : Math.max(0, record.endTime - record.startTime);
  const final: HarEntry = {
    startedDateTime,
    time: duration,
    request: harRequest(record.method, finalUrl, record.requestHeaders),
    response: harResponse(
      record.statusCode ?? 0,
      record.responseHeaders,
      "",
      record.error,
    ),
    cache: {},
    timings: timings(duration),
    ...shared,
    ...(context.cors === null ? {} : { _cors: context.cors }),
  };
  return [...hops, final];
}

/**
 * Chromium's initiator for a preflight names the actual request; other requests get
 * type `other` with the page's origin, which importHarText reads back as the initiator.
 */
function initiatorOf(
  record: RequestRecord,
  actual: RequestRecord | null,
): HarInitiator | null {
  if (actual !== null) {
    return { type: "preflight", url: actual.url, requestId: actual.id };
  }
  // An OPTIONS request whose actual request is unknown stays an ordinary request, so
  // that pairing treats it as live capture did.
  if (isPreflight(record) || record.initiator === null)
    return { type: "other" };
  return { type: "other", url: record.initiator };
}

function harRequest(method: string, url: string, headers: HeaderList) {
  return {
    method,
    url,
    httpVersion: "",
    cookies: [],
    headers: nameValues(headers),
    queryString: queryParameters(url),
    headersSize: -1,
    bodySize: 0,
  };
}

function harResponse(
  status: number,
  headers: HeaderList,
  redirectUrl: string,
  error: string | null,
) {
  return {
    status,
    statusText: "",
    httpVersion: "",
    cookies: [],
    headers: nameValues(headers),
    content: { size: 0, mimeType: mimeTypeOf(headers) },
    redirectURL: redirectUrl,
    headersSize: -1,
    bodySize: -1,
    _error: error,
  };
}

/** Returns HAR timings. HAR requires send, wait and receive, and a capture has only the total. */
function timings(duration: number) {
  return {
    blocked: -1,
    dns: -1,
    connect: -1,
    ssl: -1,
    send: 0,
    wait: duration,
    receive: 0,
  };
}

function nameValues(headers: HeaderList): HarNameValue[] {
  return headers.map(({ name, value }) => ({ name, value }));
}

function queryParameters(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({
      name,
      value,
    }));
  } catch {
    return [];
  }
}

/** Returns the MIME type essence of the Content-Type, or `x-unknown` as Chromium writes. */
function mimeTypeOf(headers: HeaderList): string {
  const contentType = headerValue(headers, "content-type");
  if (contentType === null) return "x-unknown";
  const essence = contentType.split(";")[0]?.trim() ?? "";
  return essence === "" ? "x-unknown" : essence;
}

/** ISO 8601 time; an invalid capture time becomes the epoch so the HAR stays valid. */
function isoTime(milliseconds: number): string {
  return new Date(
    Number.isFinite(milliseconds) ? milliseconds : 0,
  ).toISOString();
}
