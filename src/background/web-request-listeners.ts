import { withDecodedHeaders } from "./byte-string-headers";
import type {
  WebRequestDetails,
  WebRequestEvent,
  WebRequestEventName,
} from "./web-request-details";

/**
 * Every http and https request. Firefox rejects a port in a match pattern (Firefox 153),
 * so the patterns name none, and code filters by port where it needs to.
 */
const FILTER: chrome.webRequest.RequestFilter = {
  urls: ["http://*/*", "https://*/*"],
};

/** The part of `chrome.webRequest` the listeners use, so tests can pass a fake. */
export interface WebRequestApi {
  readonly OnSendHeadersOptions?: unknown;
  readonly onBeforeRequest: WebRequestEventTarget;
  readonly onSendHeaders: WebRequestEventTarget;
  readonly onHeadersReceived: WebRequestEventTarget;
  readonly onBeforeRedirect: WebRequestEventTarget;
  readonly onCompleted: WebRequestEventTarget;
  readonly onErrorOccurred: WebRequestEventTarget;
}

interface WebRequestEventTarget {
  addListener(
    listener: (details: object) => undefined,
    filter: chrome.webRequest.RequestFilter,
    extraInfoSpec?: string[],
  ): void;
}

/**
 * Chromium shows preflights, and the `Origin`, `Cookie`, `Referer`, `Sec-Fetch-*` and
 * `Access-Control-Request-*` headers, only to listeners that pass `extraHeaders`
 * (observed in Chromium 156; `ExtraInfoSpec` in the chrome.webRequest docs). Firefox
 * shows them all without it and rejects the value as an invalid enumeration, so it is
 * added only where the enumeration has it (Firefox 153 lists only `REQUESTHEADERS`).
 */
function extraHeadersSpec(webRequest: WebRequestApi): string[] {
  const options = webRequest.OnSendHeadersOptions as
    Record<string, string> | undefined;
  return options?.EXTRA_HEADERS === undefined ? [] : ["extraHeaders"];
}

/**
 * Registers the webRequest listeners. Call it synchronously at the top level of the
 * background script: an event wakes a stopped service worker (Chromium) or a suspended
 * event page (Firefox) only for listeners registered during its first turn.
 */
export function listenToWebRequest(
  handle: (event: WebRequestEvent) => void,
  webRequest: WebRequestApi = chrome.webRequest,
): void {
  const extra = extraHeadersSpec(webRequest);
  // Only Firefox lacks `extraHeaders`, and only Firefox gives header values as byte
  // strings.
  const decode = extra.length === 0;
  const forward =
    (event: WebRequestEventName) =>
    (details: object): undefined => {
      const given = details as WebRequestDetails;
      handle({ event, details: decode ? withDecodedHeaders(given) : given });
      return undefined;
    };
  webRequest.onBeforeRequest.addListener(forward("onBeforeRequest"), FILTER);
  webRequest.onSendHeaders.addListener(forward("onSendHeaders"), FILTER, [
    "requestHeaders",
    ...extra,
  ]);
  webRequest.onHeadersReceived.addListener(
    forward("onHeadersReceived"),
    FILTER,
    ["responseHeaders", ...extra],
  );
  webRequest.onBeforeRedirect.addListener(forward("onBeforeRedirect"), FILTER, [
    "responseHeaders",
    ...extra,
  ]);
  webRequest.onCompleted.addListener(forward("onCompleted"), FILTER);
  // Firefox's onErrorOccurred takes no extraInfoSpec and throws when given one.
  webRequest.onErrorOccurred.addListener(forward("onErrorOccurred"), FILTER);
}
