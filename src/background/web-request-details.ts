/**
 * The fields CORS Lens reads from webRequest event details. Chromium and Firefox both
 * send these, with the differences noted on each field.
 */
export interface WebRequestHeader {
  readonly name: string;
  readonly value?: string;
  /** Firefox and Chromium give non-UTF-8 values as bytes instead of `value`. */
  readonly binaryValue?: ArrayLike<number>;
}

export interface WebRequestDetails {
  readonly requestId: string;
  readonly url: string;
  readonly method: string;
  readonly type: string;
  readonly tabId: number;
  readonly frameId: number;
  readonly timeStamp: number;
  /** Chromium: origin of the document that made the request. */
  readonly initiator?: string;
  /** Firefox: URL of the document or resource that made the request. */
  readonly originUrl?: string;
  readonly requestHeaders?: readonly WebRequestHeader[];
  readonly responseHeaders?: readonly WebRequestHeader[];
  readonly statusCode?: number;
  readonly redirectUrl?: string;
  readonly error?: string;
}

export type WebRequestEventName =
  | "onBeforeRequest"
  | "onSendHeaders"
  | "onHeadersReceived"
  | "onBeforeRedirect"
  | "onCompleted"
  | "onErrorOccurred";

/**
 * One webRequest event as a listener received it. The two browsers order and end a CORS
 * exchange differently (observed in Chromium 156 and Firefox 153):
 * - Chromium fires the actual request's `onBeforeRequest`, then the whole preflight, then
 *   the actual request's `onSendHeaders`. Firefox fires the actual request's
 *   `onBeforeRequest` and `onSendHeaders` before the preflight starts.
 * - A request that CORS blocks ends in `onErrorOccurred` with `net::ERR_FAILED` in
 *   Chromium, but in `onCompleted` with its status in Firefox.
 * - A failed preflight ends in `onCompleted` in Chromium, while Firefox ends both the
 *   preflight and the actual request in `onErrorOccurred` with `NS_ERROR_DOM_BAD_URI`.
 *
 * The record assembler keeps what each event reports, so a Firefox record can show
 * request headers and a response for a request the browser blocked. Pairing and the
 * analyzer work from those facts, not from the event order or the error.
 */
export interface WebRequestEvent {
  readonly event: WebRequestEventName;
  readonly details: WebRequestDetails;
}
