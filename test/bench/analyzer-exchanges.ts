import type { Exchange, PreflightSource } from "../../src/model/exchange";
import type { HeaderList } from "../../src/model/header";
import type { RequestRecord } from "../../src/model/request-record";

/**
 * Realistic exchanges for the analyzer benchmark. They carry the request headers
 * Chromium sends and mix passing, failing and redirected requests as a busy page
 * produces them. They spread over a few hosts and many paths, so that caches see both
 * repeats and misses.
 */

type Pairs = readonly (readonly [string, string])[];

const PAGE_ORIGIN = "https://shop.example";
const HOSTS = [
  "https://api.example",
  "https://cdn.example",
  "https://auth.example",
  "https://search.example",
  "http://localhost:8080",
];

const CHROMIUM_HEADERS: Pairs = [
  ["Accept", "application/json, text/plain, */*"],
  ["Accept-Encoding", "gzip, deflate, br, zstd"],
  ["Accept-Language", "en-US,en;q=0.9"],
  ["Origin", PAGE_ORIGIN],
  ["Referer", `${PAGE_ORIGIN}/cart`],
  ["User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0"],
  ["sec-ch-ua", '"Chromium";v="156", "Not.A/Brand";v="99"'],
  ["sec-ch-ua-mobile", "?0"],
  ["sec-ch-ua-platform", '"Linux"'],
  ["Sec-Fetch-Dest", "empty"],
  ["Sec-Fetch-Mode", "cors"],
  ["Sec-Fetch-Site", "cross-site"],
  ["Priority", "u=1, i"],
];

const SERVER_HEADERS: Pairs = [
  ["Date", "Mon, 02 Jun 2025 10:00:00 GMT"],
  ["Server", "nginx"],
  ["Content-Type", "application/json; charset=utf-8"],
  ["Content-Length", "512"],
  ["Cache-Control", "no-store"],
];

const ALLOW_PAGE: Pairs = [
  ["Access-Control-Allow-Origin", PAGE_ORIGIN],
  ["Vary", "Origin"],
];

function headerList(pairs: Pairs): HeaderList {
  return pairs.map(([name, value]) => ({ name, value }));
}

interface Template {
  readonly method: string;
  readonly type?: string;
  readonly requestHeaders?: Pairs;
  readonly status?: number | null;
  readonly responseHeaders: Pairs;
  readonly error?: string | null;
  readonly preflight?: { readonly status: number; readonly headers: Pairs };
  readonly cached?: boolean;
  readonly redirectTo?: string;
}

const TEMPLATES: readonly Template[] = [
  { method: "GET", responseHeaders: ALLOW_PAGE },
  { method: "GET", responseHeaders: [["Access-Control-Allow-Origin", "*"]] },
  {
    method: "PUT",
    requestHeaders: [["Content-Type", "application/json"]],
    responseHeaders: ALLOW_PAGE,
    preflight: {
      status: 204,
      headers: [
        ...ALLOW_PAGE,
        ["Access-Control-Allow-Methods", "GET, POST, PUT, DELETE"],
        ["Access-Control-Allow-Headers", "Content-Type, Authorization"],
        ["Access-Control-Max-Age", "600"],
      ],
    },
  },
  { method: "GET", responseHeaders: [], error: "net::ERR_FAILED" },
  {
    method: "GET",
    requestHeaders: [["Cookie", "session=abc"]],
    responseHeaders: [["Access-Control-Allow-Origin", "*"]],
    error: "net::ERR_FAILED",
  },
  {
    method: "DELETE",
    requestHeaders: [["Authorization", "Bearer token"]],
    status: null,
    responseHeaders: [],
    error: "net::ERR_FAILED",
    preflight: { status: 401, headers: [["WWW-Authenticate", "Bearer"]] },
  },
  {
    method: "PATCH",
    requestHeaders: [["Content-Type", "application/json"]],
    responseHeaders: ALLOW_PAGE,
    cached: true,
    preflight: {
      status: 204,
      headers: [...ALLOW_PAGE, ["Access-Control-Allow-Methods", "PATCH"]],
    },
  },
  {
    method: "GET",
    responseHeaders: [["Access-Control-Allow-Origin", "*"]],
    redirectTo: "https://cdn.example/moved",
  },
  {
    method: "GET",
    type: "font",
    responseHeaders: [["Access-Control-Allow-Origin", "*"]],
  },
  {
    method: "POST",
    requestHeaders: [
      ["Content-Type", "application/json"],
      ["X-Request-Id", "42"],
    ],
    status: null,
    responseHeaders: [],
    error: "net::ERR_FAILED",
    preflight: {
      status: 204,
      headers: [
        ...ALLOW_PAGE,
        ["Access-Control-Allow-Headers", "Content-Type"],
      ],
    },
  },
  {
    method: "GET",
    responseHeaders: [...ALLOW_PAGE, ["X-Total-Count", "120"]],
  },
  {
    method: "GET",
    status: null,
    responseHeaders: [],
    error: "net::ERR_CONNECTION_REFUSED",
  },
];

function record(
  id: string,
  url: string,
  method: string,
  fields: Partial<RequestRecord>,
): RequestRecord {
  return {
    id,
    url,
    method,
    type: "xmlhttprequest",
    tabId: 1,
    frameId: 0,
    initiator: PAGE_ORIGIN,
    requestHeadersSeen: true,
    requestHeaders: [],
    statusCode: 200,
    responseHeaders: [],
    redirects: [],
    error: null,
    inFlight: false,
    startTime: 1_700_000_000_000,
    endTime: 1_700_000_000_040,
    ...fields,
  };
}

function preflightSource(
  preflight: RequestRecord | null,
  template: Template,
): PreflightSource {
  if (preflight === null) return "not-needed";
  return template.cached === true ? "cached" : "sent";
}

function buildExchange(template: Template, index: number): Exchange {
  const host = HOSTS[index % HOSTS.length] ?? "https://api.example";
  const url = `${host}/v1/items/${index % 400}`;
  const id = String(index);
  const redirects =
    template.redirectTo === undefined
      ? []
      : [
          {
            url,
            statusCode: 302,
            responseHeaders: headerList([
              ["Location", template.redirectTo],
              ["Access-Control-Allow-Origin", "*"],
            ]),
            redirectUrl: template.redirectTo,
          },
        ];
  const actual = record(id, url, template.method, {
    type: template.type ?? "xmlhttprequest",
    requestHeaders: headerList([
      ...CHROMIUM_HEADERS,
      ...(template.requestHeaders ?? []),
    ]),
    statusCode: template.status === undefined ? 200 : template.status,
    responseHeaders: headerList([
      ...SERVER_HEADERS,
      ...template.responseHeaders,
    ]),
    redirects,
    error: template.error ?? null,
  });
  const preflightTemplate = template.preflight;
  const preflight =
    preflightTemplate === undefined
      ? null
      : record(`${id}-preflight`, url, "OPTIONS", {
          requestHeaders: headerList([
            ["Access-Control-Request-Method", template.method],
            ["Origin", PAGE_ORIGIN],
          ]),
          statusCode: preflightTemplate.status,
          responseHeaders: headerList(preflightTemplate.headers),
          startTime: 1_699_999_999_000,
          endTime: 1_699_999_999_030,
        });
  return {
    id,
    tabId: 1,
    origin: PAGE_ORIGIN,
    actual,
    preflight,
    preflightSource: preflightSource(preflight, template),
  };
}

/** Builds `count` exchanges cycling through the templates. */
export function buildBenchmarkExchanges(count: number): Exchange[] {
  const exchanges: Exchange[] = [];
  for (let index = 0; index < count; index += 1) {
    const template = TEMPLATES[index % TEMPLATES.length];
    if (template !== undefined) exchanges.push(buildExchange(template, index));
  }
  return exchanges;
}
