import fc from "fast-check";
import type { Exchange, PreflightSource } from "../../../src/model/exchange";
import type { HttpHeader } from "../../../src/model/header";
import type {
  RedirectHop,
  RequestRecord,
} from "../../../src/model/request-record";

/** Random exchanges for property tests, biased towards values CORS checks read. */

const ORIGINS = [
  "https://app.example",
  "http://localhost:3000",
  "null",
  "https://APP.example",
];

const URLS = [
  "https://api.example/items",
  "https://api.example/items/",
  "https://cdn.example/file",
  "https://app.example/api",
  "http://127.0.0.1:8080/x",
  "http://192.168.1.2/x",
  "https://user:secret@cdn.example/x",
  "not a url",
];

const RESPONSE_HEADER_NAMES = [
  "Access-Control-Allow-Origin",
  "access-control-allow-origin",
  "Access-Control-Allow-Credentials",
  "Access-Control-Allow-Methods",
  "Access-Control-Allow-Headers",
  "Access-Control-Expose-Headers",
  "Access-Control-Max-Age",
  "Access-Control-Allow-Private-Network",
  "Vary",
  "Location",
  "Content-Type",
  "X-Total-Count",
  "Set-Cookie",
];

const REQUEST_HEADER_NAMES = [
  "Origin",
  "Cookie",
  "Authorization",
  "Content-Type",
  "Accept",
  "Accept-Language",
  "Range",
  "X-Trace",
  "Sec-Fetch-Mode",
  "User-Agent",
  "Access-Control-Request-Method",
  "Access-Control-Request-Headers",
  "Access-Control-Request-Private-Network",
];

const VALUES = [
  "*",
  "null",
  "true",
  "TRUE",
  "",
  " ",
  "https://app.example",
  "https://app.example/",
  "https://app.example, https://other.example",
  "app.example",
  "GET, PUT",
  "put",
  "PATCH",
  "X-Trace, Authorization",
  "GET;DELETE",
  "600",
  "-1",
  "99999",
  "Origin",
  "cors",
  "no-cors",
  "text/plain",
  "application/json",
  "bytes=0-",
  "session=1",
  "Bearer t",
  "Mozilla/5.0 Firefox/153.0",
  "Mozilla/5.0 Chrome/156.0",
  "https://api.example/login",
  "https://user:secret@cdn.example/x",
];

const ERRORS = [
  "net::ERR_FAILED",
  "net::ERR_CONNECTION_REFUSED",
  "net::ERR_BLOCKED_BY_CLIENT",
  "NS_ERROR_DOM_BAD_URI",
];

const METHODS = ["GET", "POST", "PUT", "DELETE", "patch", "PATCH", "HEAD", ""];

const TYPES = ["xmlhttprequest", "font", "image", "script", "other"];

const STATUSES = [200, 204, 301, 302, 303, 307, 308, 401, 403, 404, 413, 500];

function header(names: readonly string[]): fc.Arbitrary<HttpHeader> {
  return fc.record({
    name: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...names) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    ),
    value: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...VALUES) },
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
    ),
  });
}

const responseHeaders = fc.array(header(RESPONSE_HEADER_NAMES), {
  maxLength: 6,
});
const requestHeaders = fc.array(header(REQUEST_HEADER_NAMES), { maxLength: 6 });
const url = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...URLS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);
const statusCode = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...STATUSES) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 999 }) },
);
const error = fc.option(fc.constantFrom(...ERRORS), { freq: 3 });

const redirectHop: fc.Arbitrary<RedirectHop> = fc.record({
  url,
  statusCode,
  responseHeaders,
  redirectUrl: url,
});

function requestRecord(
  method: fc.Arbitrary<string>,
): fc.Arbitrary<RequestRecord> {
  return fc.record({
    id: fc.constant("1"),
    url,
    method,
    type: fc.constantFrom(...TYPES),
    tabId: fc.constant(1),
    frameId: fc.constant(0),
    initiator: fc.option(fc.constantFrom(...ORIGINS)),
    requestHeadersSeen: fc.boolean(),
    requestHeaders,
    statusCode: fc.option(statusCode, { freq: 5 }),
    responseHeaders,
    redirects: fc.array(redirectHop, { maxLength: 2 }),
    error,
    inFlight: fc.boolean(),
    startTime: fc.integer({ min: 0, max: 2_000_000 }),
    endTime: fc.option(fc.integer({ min: 0, max: 2_000_000 })),
  });
}

const preflightSource: fc.Arbitrary<PreflightSource> = fc.constantFrom(
  "sent",
  "cached",
  "not-needed",
);

/** Exchanges with random CORS headers, redirects, statuses and errors. */
export const exchangeArbitrary: fc.Arbitrary<Exchange> = fc.record({
  id: fc.constant("1"),
  tabId: fc.constant(1),
  origin: fc.option(fc.constantFrom(...ORIGINS)),
  actual: requestRecord(
    fc.oneof(fc.constantFrom(...METHODS), fc.string({ maxLength: 8 })),
  ),
  preflight: fc.option(requestRecord(fc.constant("OPTIONS")), { freq: 2 }),
  preflightSource,
});
