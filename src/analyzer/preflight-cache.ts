import type { RequestRecord } from "../model/request-record";
import { preflightCacheSeconds } from "./max-age";
import type { Browser } from "./rule-types";

const BROWSER_NAMES: Readonly<Record<Browser, string>> = {
  chromium: "Chromium",
  firefox: "Firefox",
};

function formatSeconds(seconds: number): string {
  const rounded =
    seconds < 10 ? Math.round(seconds * 10) / 10 : Math.round(seconds);
  return `${rounded} s`;
}

function describeBrowserCache(
  browser: Browser,
  maxAge: string | null,
  gapSeconds: number,
): string {
  const name = BROWSER_NAMES[browser];
  const lifetime = preflightCacheSeconds(maxAge, browser);
  if (lifetime === 0) {
    return `${name} does not cache this preflight at all, so it would have sent a new one`;
  }
  if (gapSeconds <= lifetime) {
    return `${name} keeps it for ${formatSeconds(lifetime)}, so it was still cached`;
  }
  const expiredBefore = formatSeconds(gapSeconds - lifetime);
  return `${name} keeps it for ${formatSeconds(lifetime)}, so its entry expired ${expiredBefore} before this request and ${name} would have sent a new preflight`;
}

/**
 * Describes whether each browser would still have had the earlier preflight's
 * response cached when the actual request started, from the time between the two and the
 * preflight's `Access-Control-Max-Age` (null when absent). Returns null when the
 * records carry no usable times.
 */
export function describePreflightCache(
  preflight: RequestRecord,
  actual: RequestRecord,
  maxAge: string | null,
): string | null {
  const preflightEnd = preflight.endTime ?? preflight.startTime;
  if (preflightEnd <= 0 || actual.startTime <= 0) return null;
  const gapSeconds = Math.max(0, (actual.startTime - preflightEnd) / 1000);
  const header =
    maxAge === null
      ? "has no Access-Control-Max-Age (5 s by default)"
      : `has Access-Control-Max-Age: ${maxAge}`;
  const chromium = describeBrowserCache("chromium", maxAge, gapSeconds);
  const firefox = describeBrowserCache("firefox", maxAge, gapSeconds);
  return `The request started ${formatSeconds(gapSeconds)} after the earlier preflight ended, and that preflight's response ${header}. ${chromium}. ${firefox}.`;
}
