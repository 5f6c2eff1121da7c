import {
  corsUnsafeRequestHeaderNames,
  normalizeMethod,
  parseRequestHeaderNames,
} from "../analyzer/safelist";
import type { Exchange } from "../model/exchange";
import {
  hasHeader,
  headerValue,
  type HeaderList,
  type HttpHeader,
} from "../model/header";
import type { RequestRecord } from "../model/request-record";
import { redactHeaders, redactUrl } from "./redaction";
import { shellQuote } from "./shell-quote";

/** One HTTP request to replay with curl. Bodies are not captured, so none is sent. */
export interface CurlRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: HeaderList;
}

/** A curl command and what it cannot reproduce. */
export interface CurlCopy {
  readonly command: string;
  /**
   * Lowercased names of request headers the request sent whose values were not
   * captured, so the command leaves them out.
   */
  readonly uncapturedHeaders: readonly string[];
}

/**
 * Request headers left out of the command. curl sets Host, Content-Length and the
 * connection headers itself, and a Content-Length with no body would make the
 * server wait for one. Without Accept-Encoding the server responds uncompressed, so
 * the output stays readable. HTTP/2 pseudo-headers (`:authority`) are no headers.
 */
const SKIPPED_HEADERS = new Set([
  "accept-encoding",
  "connection",
  "content-length",
  "expect",
  "host",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** Methods made of uppercase letters need no quotes, and any other method is quoted. */
const PLAIN_METHOD = /^[A-Z]+$/;

/**
 * Builds a curl command that sends the request again and prints the response
 * headers (`--include`). Every header and the URL are single-quoted by shellQuote,
 * and the URL goes after `--url`, so no value can run a command or act as a curl
 * option. HEAD uses `--head`, since `-X HEAD` makes curl wait for a body.
 */
export function curlCommand(request: CurlRequest): string {
  const parts = ["curl --include"];
  if (request.method === "HEAD") parts[0] += " --head";
  else parts[0] += ` -X ${methodWord(request.method)}`;
  for (const header of request.headers) {
    if (isSkipped(header.name)) continue;
    parts.push(`-H ${shellQuote(`${header.name}: ${header.value}`)}`);
  }
  parts.push(`--url ${shellQuote(request.url)}`);
  return parts.join(" \\\n  ");
}

function methodWord(method: string): string {
  return PLAIN_METHOD.test(method) ? method : shellQuote(method);
}

function isSkipped(name: string): boolean {
  return name.startsWith(":") || SKIPPED_HEADERS.has(name.toLowerCase());
}

/**
 * Returns the record as a request to replay: its method, URL and captured headers,
 * with an `Origin` header first when the capture did not show one, so that the
 * server responds as it did to the page. `redact` replaces secrets as the exports do.
 */
export function curlRequestFromRecord(
  record: RequestRecord,
  origin: string | null,
  redact: boolean,
): CurlRequest {
  let headers = record.requestHeaders;
  if (origin !== null && !hasHeader(headers, "Origin")) {
    headers = [{ name: "Origin", value: origin }, ...headers];
  }
  return {
    method: record.method,
    url: redact ? redactUrl(record.url) : record.url,
    headers: redact ? redactHeaders(headers) : headers,
  };
}

/**
 * Returns the curl command for the exchange's preflight, or null when none was
 * needed. For a preflight served from the cache and not recorded, the command is
 * the OPTIONS request the browser would send: `Origin`, the method and the
 * CORS-unsafe header names of the actual request.
 */
export function preflightCurl(
  exchange: Exchange,
  redact: boolean,
): CurlCopy | null {
  if (exchange.preflightSource === "not-needed") return null;
  const { preflight, actual } = exchange;
  if (preflight !== null) {
    const request = curlRequestFromRecord(preflight, exchange.origin, redact);
    return { command: curlCommand(request), uncapturedHeaders: [] };
  }
  const headers: HttpHeader[] = [];
  if (exchange.origin !== null) {
    headers.push({ name: "Origin", value: exchange.origin });
  }
  headers.push({
    name: "Access-Control-Request-Method",
    value: normalizeMethod(actual.method),
  });
  const unsafeNames = corsUnsafeRequestHeaderNames(actual.requestHeaders);
  if (unsafeNames.length > 0) {
    headers.push({
      name: "Access-Control-Request-Headers",
      value: unsafeNames.join(","),
    });
  }
  const url = redact ? redactUrl(actual.url) : actual.url;
  return {
    command: curlCommand({ method: "OPTIONS", url, headers }),
    uncapturedHeaders: [],
  };
}

/**
 * Returns the curl command for the actual request, and the headers it lacks (see
 * uncapturedRequestHeaders).
 */
export function actualCurl(exchange: Exchange, redact: boolean): CurlCopy {
  const request = curlRequestFromRecord(
    exchange.actual,
    exchange.origin,
    redact,
  );
  return {
    command: curlCommand(request),
    uncapturedHeaders: uncapturedRequestHeaders(exchange),
  };
}

/**
 * Returns the lowercased names of the headers that the actual request's preflight
 * asked permission for but the capture of the actual request lacks. Chromium never
 * shows Authorization, and shows no header of a request that a failed preflight
 * stopped.
 */
export function uncapturedRequestHeaders(exchange: Exchange): string[] {
  const listed = headerValue(
    exchange.preflight?.requestHeaders ?? [],
    "Access-Control-Request-Headers",
  );
  return parseRequestHeaderNames(listed).filter(
    (name) => !hasHeader(exchange.actual.requestHeaders, name),
  );
}
