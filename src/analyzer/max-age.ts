import type { CheckedResponse, CheckResult } from "./check-types";
import type { Browser } from "./rule-types";

/** Both browsers cache a preflight for 5 s when it has no Access-Control-Max-Age. */
export const DEFAULT_MAX_AGE_SECONDS = 5;

/** Chromium's cap: kMaxTimeout, 2 hours (services/network/cors/preflight_result.cc). */
export const CHROMIUM_MAX_AGE_CAP_SECONDS = 7_200;

/** Firefox's cap: 24 hours (AddResultToCache in nsCORSListenerProxy.cpp). */
export const FIREFOX_MAX_AGE_CAP_SECONDS = 86_400;

/** The value a fix suggests: ten minutes, within both browsers' caps. */
const SUGGESTED_MAX_AGE_SECONDS = 600;

/** An optional sign and digits, what base::StringToInt64 accepts. */
const SIGNED_INTEGER = /^[+-]?\d+$/;
const DIGITS = /^\d+$/;

/**
 * Chromium parses the value with base::StringToInt64. A value it cannot parse, or one
 * that overflows, gives the 5 s default. A negative value means "do not cache", and
 * anything above 2 hours is cut to 2 hours.
 */
function chromiumSeconds(value: string | null): number {
  if (value === null || !SIGNED_INTEGER.test(value)) {
    return DEFAULT_MAX_AGE_SECONDS;
  }
  const seconds = Number(value);
  if (!Number.isSafeInteger(seconds)) return DEFAULT_MAX_AGE_SECONDS;
  return Math.min(Math.max(seconds, 0), CHROMIUM_MAX_AGE_CAP_SECONDS);
}

/**
 * Firefox reads digits only: an absent or empty header gives the 5 s default, any
 * other character means "do not cache", and the value is cut to 24 hours.
 */
function firefoxSeconds(value: string | null): number {
  if (value === null || value === "") return DEFAULT_MAX_AGE_SECONDS;
  if (!DIGITS.test(value)) return 0;
  return Math.min(Number(value), FIREFOX_MAX_AGE_CAP_SECONDS);
}

/**
 * Returns how many seconds `browser` caches a preflight whose response has this
 * `Access-Control-Max-Age` value (null when absent); 0 means not cached.
 */
export function preflightCacheSeconds(
  maxAge: string | null,
  browser: Browser,
): number {
  return browser === "chromium"
    ? chromiumSeconds(maxAge)
    : firefoxSeconds(maxAge);
}

/**
 * Warns when `Access-Control-Max-Age` is negative or not a number (the browsers then
 * fall back to 5 s or do not cache at all), or above a browser's cap.
 */
export function checkMaxAge(preflight: CheckedResponse): CheckResult | null {
  const value = preflight.headers.value("Access-Control-Max-Age");
  if (value === null) return null;
  if (!DIGITS.test(value)) {
    return {
      rule: "max-age-invalid",
      response: preflight,
      value,
      expected: String(SUGGESTED_MAX_AGE_SECONDS),
      subject: null,
    };
  }
  if (Number(value) <= CHROMIUM_MAX_AGE_CAP_SECONDS) return null;
  return {
    rule: "max-age-above-cap",
    response: preflight,
    value,
    expected: String(CHROMIUM_MAX_AGE_CAP_SECONDS),
    subject: null,
  };
}
