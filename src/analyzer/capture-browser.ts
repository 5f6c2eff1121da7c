import type { Browser } from "./rule-types";

/**
 * Returns the browser that captured the request, judged from its `User-Agent`
 * (webRequest shows it in Chromium and Firefox) or from the form of its error
 * (`net::ERR_...` in Chromium, `NS_ERROR_...` in Firefox), or null when neither shows.
 */
export function captureBrowser(
  error: string | null,
  userAgent: string | null,
): Browser | null {
  if (userAgent !== null) {
    // Chromium-based user agents never contain "Firefox/"; Firefox's never
    // contain "Chrome/".
    if (userAgent.includes("Firefox/")) return "firefox";
    if (userAgent.includes("Chrome/")) return "chromium";
  }
  if (error === null) return null;
  if (error.startsWith("net::")) return "chromium";
  if (error.startsWith("NS_")) return "firefox";
  return null;
}
