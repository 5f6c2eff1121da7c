import type { Exchange } from "../../../src/model/exchange";
import type { HeaderList } from "../../../src/model/header";
import type { RequestRecord } from "../../../src/model/request-record";
import type { RealWorldCase } from "./real-world-case";

const CHROME_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
const FIREFOX_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0";

const FONT_EXTENSION = /\.(woff2?|ttf|otf|eot)(\?|$)/;

/** Milliseconds since the epoch at which every converted request starts. */
const START_TIME = 1_700_000_000_000;

function headerList(headers: Readonly<Record<string, string>>): HeaderList {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

function isFirefox(testCase: RealWorldCase): boolean {
  return testCase.browser === "firefox";
}

/**
 * Returns the error the browser's webRequest reports for the actual request. A
 * failed preflight ends the actual request with net::ERR_FAILED in Chromium and
 * NS_ERROR_DOM_BAD_URI in Firefox. A response that CORS blocked ends it with
 * net::ERR_FAILED in Chromium, while Firefox reports it as completed.
 */
function actualError(testCase: RealWorldCase): string | null {
  const blocked = testCase.expected_verdict === "blocked";
  if (testCase.actual !== null) {
    return blocked && !isFirefox(testCase) ? "net::ERR_FAILED" : null;
  }
  if (testCase.preflight === null) return null;
  return isFirefox(testCase) ? "NS_ERROR_DOM_BAD_URI" : "net::ERR_FAILED";
}

function buildActual(testCase: RealWorldCase): RequestRecord {
  const { request, actual, preflight } = testCase;
  const userAgent = isFirefox(testCase)
    ? FIREFOX_USER_AGENT
    : CHROME_USER_AGENT;
  // Chromium shows the actual request's headers only once the preflight passed;
  // Firefox shows them before it sends the preflight.
  const headersSeen =
    actual !== null || preflight === null || isFirefox(testCase);
  return {
    id: `${testCase.id}-actual`,
    url: request.url,
    method: request.method,
    type: FONT_EXTENSION.test(request.url) ? "font" : "xmlhttprequest",
    tabId: 1,
    frameId: 0,
    initiator: testCase.page_origin,
    requestHeadersSeen: headersSeen,
    requestHeaders: headersSeen
      ? [
          ...headerList(request.headers),
          { name: "User-Agent", value: userAgent },
        ]
      : [],
    statusCode: actual === null ? null : actual.status,
    responseHeaders: actual === null ? [] : headerList(actual.response_headers),
    redirects: [],
    error: actualError(testCase),
    inFlight: false,
    startTime: START_TIME + 100,
    endTime: START_TIME + 200,
  };
}

function buildPreflight(
  testCase: RealWorldCase,
  type: string,
): RequestRecord | null {
  const { preflight, request } = testCase;
  if (preflight === null) return null;
  return {
    id: `${testCase.id}-preflight`,
    url: request.url,
    method: "OPTIONS",
    type,
    tabId: 1,
    frameId: 0,
    initiator: testCase.page_origin,
    requestHeadersSeen: true,
    requestHeaders: headerList(preflight.request_headers),
    statusCode: preflight.status,
    responseHeaders: headerList(preflight.response_headers),
    redirects: [],
    error: null,
    inFlight: false,
    startTime: START_TIME,
    endTime: START_TIME + 50,
  };
}

/**
 * Turns a real-world case into the exchange a capture in its browser would produce
 * ("unknown" is converted as Chromium). A case whose actual response is null got no
 * response: the preflight failed, or, without a preflight, the request itself.
 */
export function toExchange(testCase: RealWorldCase): Exchange {
  const actual = buildActual(testCase);
  const preflight = buildPreflight(testCase, actual.type);
  return {
    id: actual.id,
    tabId: 1,
    origin: testCase.page_origin,
    actual,
    preflight,
    preflightSource: preflight === null ? "not-needed" : "sent",
  };
}
