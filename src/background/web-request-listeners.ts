import type {
  WebRequestDetails,
  WebRequestEvent,
  WebRequestEventName,
} from "./web-request-details";

const FILTER: chrome.webRequest.RequestFilter = {
  urls: ["http://*/*", "https://*/*"],
};

/**
 * Chromium shows preflights, and the `Origin`, `Cookie`, `Referer`, `Sec-Fetch-*` and
 * `Access-Control-Request-*` headers, only to listeners that pass `extraHeaders`
 * (observed in Chromium 156; `ExtraInfoSpec` in the chrome.webRequest docs). Firefox
 * rejects the value as an invalid enumeration, so it is added only where it exists.
 */
function extraHeadersSpec(): string[] {
  const options = chrome.webRequest.OnSendHeadersOptions as
    Record<string, string> | undefined;
  return options?.EXTRA_HEADERS === undefined ? [] : ["extraHeaders"];
}

/**
 * Registers the webRequest listeners. Call it synchronously at the top level of the
 * background script: an event wakes a stopped service worker only for listeners
 * registered during its first turn.
 */
export function listenToWebRequest(
  handle: (event: WebRequestEvent) => void,
): void {
  const extra = extraHeadersSpec();
  const forward =
    (event: WebRequestEventName) =>
    (details: object): undefined => {
      handle({ event, details: details as WebRequestDetails });
      return undefined;
    };
  const webRequest = chrome.webRequest;
  webRequest.onBeforeRequest.addListener(forward("onBeforeRequest"), FILTER);
  webRequest.onSendHeaders.addListener(forward("onSendHeaders"), FILTER, [
    "requestHeaders",
    ...extra,
  ] as chrome.webRequest.OnSendHeadersOptions[]);
  webRequest.onHeadersReceived.addListener(
    forward("onHeadersReceived"),
    FILTER,
    [
      "responseHeaders",
      ...extra,
    ] as chrome.webRequest.OnHeadersReceivedOptions[],
  );
  webRequest.onBeforeRedirect.addListener(forward("onBeforeRedirect"), FILTER, [
    "responseHeaders",
    ...extra,
  ] as chrome.webRequest.OnBeforeRedirectOptions[]);
  webRequest.onCompleted.addListener(forward("onCompleted"), FILTER);
  webRequest.onErrorOccurred.addListener(forward("onErrorOccurred"), FILTER);
}
