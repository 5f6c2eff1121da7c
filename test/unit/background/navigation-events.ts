import type {
  WebRequestEvent,
  WebRequestHeader,
} from "../../../src/background/web-request-details";
import { exchangeEvents } from "./synthetic-events";

export interface MainFrameResponse {
  readonly statusCode?: number;
  readonly headers?: readonly WebRequestHeader[];
  readonly type?: string;
  readonly frameId?: number;
}

const HTML = [{ name: "Content-Type", value: "text/html; charset=utf-8" }];

/**
 * Returns the `onHeadersReceived` event of a top-level navigation of the tab at `time`,
 * by default a 200 HTML page in frame 0.
 */
export function mainFrameResponse(
  tabId: number,
  time: number,
  response: MainFrameResponse = {},
): WebRequestEvent {
  return {
    event: "onHeadersReceived",
    details: {
      requestId: `navigation-${time}`,
      url: "http://127.0.0.1:8080/next-page",
      method: "GET",
      type: response.type ?? "main_frame",
      tabId,
      frameId: response.frameId ?? 0,
      timeStamp: time,
      statusCode: response.statusCode ?? 200,
      responseHeaders: response.headers ?? HTML,
    },
  };
}

/** Returns the time of the first event of exchange `n` made by `exchangeEvents`. */
export function exchangeStart(n: number, tabId?: number): number {
  return Math.min(
    ...exchangeEvents(n, tabId).map((event) => event.details.timeStamp),
  );
}
