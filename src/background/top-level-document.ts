import type { WebRequestEvent, WebRequestHeader } from "./web-request-details";

/** Statuses after which the browser follows the `Location` header. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Errors of a cancelled navigation, which leaves the current document in place:
 * Chromium's `net::ERR_ABORTED` and Firefox's `NS_BINDING_ABORTED` and `NS_ERROR_ABORT`.
 * Any other error of a top-level navigation shows the browser's error page, a new
 * document (Chromium 156 showed `chrome-error://chromewebdata/` after
 * `net::ERR_UNSAFE_PORT`).
 */
const ABORT_ERRORS = new Set([
  "net::ERR_ABORTED",
  "NS_BINDING_ABORTED",
  "NS_ERROR_ABORT",
]);

/** Application types that Chromium and Firefox show in the tab. */
const SHOWN_APPLICATION_TYPES = new Set([
  "application/xhtml+xml",
  "application/xml",
  "application/json",
  "application/javascript",
  "application/ecmascript",
  "application/pdf",
]);

/**
 * Tells whether the event shows that the tab's top-level frame is about to get a new
 * document: the final response, or the failure, of a request of type `main_frame` in
 * frame 0. This reads only the webRequest events the capture already receives, so it
 * needs no `webNavigation` permission. The response arrives shortly before the browser
 * commits the new document, and before the new document makes any request.
 *
 * Frame 0 is the tab's shown page. A page that Chromium prerenders in the same tab has
 * another frame id until it is shown (Chrome for Developers, "Extensions and instant
 * navigation"). A same-document navigation (`history.pushState`, a fragment) makes no
 * request, so it clears nothing, as in DevTools.
 *
 * NOTE: a page restored from the back/forward cache or a prerendered page being shown
 * makes no request either, so neither is seen as a new document. A navigation cancelled
 * after its response arrived, or a response that the browser sniffs as a download, is
 * taken for a new document.
 */
export function startsTopLevelDocument({
  event,
  details,
}: WebRequestEvent): boolean {
  if (details.type !== "main_frame" || details.frameId !== 0) return false;
  if (event === "onErrorOccurred") {
    return !ABORT_ERRORS.has(details.error ?? "");
  }
  if (event !== "onHeadersReceived") return false;
  const status = details.statusCode ?? 0;
  const headers = details.responseHeaders ?? [];
  // The HTML Standard's navigation keeps the current document for a 204 or 205
  // response and for a download, which `Content-Disposition: attachment` requests.
  // Chromium 156 ends such a request with `onCompleted`, as it ends a new document's.
  if (status === 204 || status === 205) return false;
  if (REDIRECT_STATUSES.has(status) && headerValue(headers, "location")) {
    return false;
  }
  if (/^\s*attachment\b/i.test(headerValue(headers, "content-disposition"))) {
    return false;
  }
  return isShownType(headerValue(headers, "content-type"));
}

/**
 * Tells whether a browser shows a response of this `Content-Type` in the tab instead of
 * downloading it. A missing type is sniffed from the body, and most such pages are shown.
 *
 * NOTE: this is a coarse version of Chromium's list of supported types
 * (third_party/blink/common/mime_util/mime_util.cc), which downloads a few `text/`
 * and `image/` types, such as `text/vcard` and `image/tiff`, that this shows.
 */
function isShownType(contentType: string): boolean {
  const type = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  if (type === "") return true;
  const [topLevel = "", subtype = ""] = type.split("/");
  if (["text", "image", "audio", "video"].includes(topLevel)) return true;
  if (type === "multipart/x-mixed-replace") return true;
  if (topLevel !== "application") return false;
  return (
    SHOWN_APPLICATION_TYPES.has(type) ||
    subtype.endsWith("+xml") ||
    subtype.endsWith("+json")
  );
}

/** Returns the first value of the named header, or "" when it is missing. */
function headerValue(
  headers: readonly WebRequestHeader[],
  name: string,
): string {
  const header = headers.find(
    (candidate) => candidate.name.toLowerCase() === name,
  );
  return header?.value ?? "";
}
