import type { Exchange, PreflightSource } from "../../../src/model/exchange";
import type { HeaderList } from "../../../src/model/header";
import type {
  RedirectHop,
  RequestRecord,
} from "../../../src/model/request-record";

/** A header as a `[name, value]` pair, to keep test tables short. */
export type HeaderPair = readonly [string, string];

export const ORIGIN = "https://app.example";
export const API_URL = "https://api.example/items";

export const ALLOW_ORIGIN: HeaderPair = ["Access-Control-Allow-Origin", ORIGIN];
export const ALLOW_ANY_ORIGIN: HeaderPair = [
  "Access-Control-Allow-Origin",
  "*",
];
export const ALLOW_CREDENTIALS: HeaderPair = [
  "Access-Control-Allow-Credentials",
  "true",
];
export const VARY_ORIGIN: HeaderPair = ["Vary", "Origin"];

/** Headers that Chromium sends on every cross-origin fetch without the page asking. */
export const BROWSER_REQUEST_HEADERS: readonly HeaderPair[] = [
  ["Accept", "*/*"],
  ["Accept-Encoding", "gzip, deflate, br, zstd"],
  ["Accept-Language", "en-US,en;q=0.9"],
  ["Origin", ORIGIN],
  ["Referer", `${ORIGIN}/`],
  ["User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0"],
  ["sec-ch-ua", '"Chromium";v="156", "Not.A/Brand";v="99"'],
  ["sec-ch-ua-mobile", "?0"],
  ["Sec-Fetch-Mode", "cors"],
  ["Sec-Fetch-Site", "cross-site"],
  ["Priority", "u=1, i"],
];

export function headers(pairs: readonly HeaderPair[]): HeaderList {
  return pairs.map(([name, value]) => ({ name, value }));
}

function record(fields: Partial<RequestRecord>): RequestRecord {
  return {
    id: "1",
    url: API_URL,
    method: "GET",
    type: "xmlhttprequest",
    tabId: 1,
    frameId: 0,
    initiator: ORIGIN,
    requestHeadersSeen: true,
    requestHeaders: [],
    statusCode: 200,
    responseHeaders: [],
    redirects: [],
    error: null,
    inFlight: false,
    startTime: 1_000,
    endTime: 1_050,
    ...fields,
  };
}

export interface PreflightSpec {
  /** Defaults to 204; null when no response arrived. */
  readonly status?: number | null;
  readonly responseHeaders?: readonly HeaderPair[];
  /** `Access-Control-Request-Method`; defaults to the actual request's method. */
  readonly requestMethod?: string;
  /** `Access-Control-Request-Headers`, omitted when undefined. */
  readonly requestHeaders?: string;
  readonly redirects?: readonly RedirectHop[];
  readonly error?: string | null;
  readonly url?: string;
}

export interface ExchangeSpec {
  readonly method?: string;
  /** Headers the page set, sent along with BROWSER_REQUEST_HEADERS. */
  readonly requestHeaders?: readonly HeaderPair[];
  readonly requestHeadersSeen?: boolean;
  /** Final status of the actual request; defaults to 200, null for no response. */
  readonly status?: number | null;
  /** Final response headers; defaults to ALLOW_ORIGIN and VARY_ORIGIN. */
  readonly responseHeaders?: readonly HeaderPair[];
  readonly redirects?: readonly RedirectHop[];
  readonly error?: string | null;
  readonly inFlight?: boolean;
  readonly url?: string;
  readonly origin?: string | null;
  readonly preflight?: PreflightSpec;
  /** Defaults to `sent` with a preflight and `not-needed` without. */
  readonly preflightSource?: PreflightSource;
}

function buildPreflight(spec: PreflightSpec, method: string): RequestRecord {
  const requestHeaders: HeaderPair[] = [
    ["Accept", "*/*"],
    ["Access-Control-Request-Method", spec.requestMethod ?? method],
    ["Origin", ORIGIN],
    ["Sec-Fetch-Mode", "cors"],
  ];
  if (spec.requestHeaders !== undefined) {
    requestHeaders.push([
      "Access-Control-Request-Headers",
      spec.requestHeaders,
    ]);
  }
  return record({
    id: "0",
    url: spec.url ?? API_URL,
    method: "OPTIONS",
    type: "other",
    requestHeaders: headers(requestHeaders),
    statusCode: spec.status === undefined ? 204 : spec.status,
    responseHeaders: headers(spec.responseHeaders ?? []),
    redirects: spec.redirects ?? [],
    error: spec.error ?? null,
  });
}

/** Builds an exchange from defaults plus the fields a test is about. */
export function buildExchange(spec: ExchangeSpec = {}): Exchange {
  const method = spec.method ?? "GET";
  const actual = record({
    method,
    url: spec.url ?? API_URL,
    requestHeadersSeen: spec.requestHeadersSeen ?? true,
    requestHeaders: headers([
      ...BROWSER_REQUEST_HEADERS,
      ...(spec.requestHeaders ?? []),
    ]),
    statusCode: spec.status === undefined ? 200 : spec.status,
    responseHeaders: headers(
      spec.responseHeaders ?? [ALLOW_ORIGIN, VARY_ORIGIN],
    ),
    redirects: spec.redirects ?? [],
    error: spec.error ?? null,
    inFlight: spec.inFlight ?? false,
  });
  const preflight =
    spec.preflight === undefined
      ? null
      : buildPreflight(spec.preflight, method);
  return {
    id: actual.id,
    tabId: 1,
    origin: spec.origin === undefined ? ORIGIN : spec.origin,
    actual,
    preflight,
    preflightSource:
      spec.preflightSource ?? (preflight === null ? "not-needed" : "sent"),
  };
}

/** Builds a redirect hop of the actual request. */
export function redirectHop(
  url: string,
  redirectUrl: string,
  responseHeaders: readonly HeaderPair[],
  statusCode = 302,
): RedirectHop {
  return {
    url,
    statusCode,
    responseHeaders: headers([...responseHeaders, ["Location", redirectUrl]]),
    redirectUrl,
  };
}
