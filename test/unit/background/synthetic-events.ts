import type { WebRequestEvent } from "../../../src/background/web-request-details";
import { loadRecordedEvents } from "../pairing/recorded-events";

/** Chromium's events of one preflighted PUT that passes, recorded from the lab. */
export const PASSING_PUT = loadRecordedEvents("chromium-events", "passing-put");

export const TAB_ID = PASSING_PUT.events[0]?.details.tabId ?? -1;

/**
 * Returns the events of exchange `n`: the recorded passing PUT and its preflight, with
 * request ids and a URL of their own, `n` seconds after the recording.
 */
export function exchangeEvents(n: number, tabId = TAB_ID): WebRequestEvent[] {
  return PASSING_PUT.events.map(({ event, details }) => ({
    event,
    details: {
      ...details,
      tabId,
      requestId: `${details.requestId}-${n}`,
      url: `${details.url}?n=${n}`,
      timeStamp: details.timeStamp + n * 1000,
    },
  }));
}

/** Returns the request number in a URL made by `exchangeEvents`. */
export function exchangeNumber(url: string): number {
  return Number(/[?&]n=(\d+)$/.exec(url)?.[1] ?? Number.NaN);
}
