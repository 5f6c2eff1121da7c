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

/** One webRequest event as a listener received it. */
export interface WebRequestEvent {
  readonly event: WebRequestEventName;
  readonly details: WebRequestDetails;
}
