import type { CheckInput, CheckResult } from "./check-types";
import type { RuleId } from "./rules";

const ALLOW_ORIGIN = "Access-Control-Allow-Origin";

/**
 * Chromium separates an invalid value from a mismatch by whether GURL parses it, so
 * `https://a.example/` is a mismatch but `a.example` is invalid (CheckAccess in
 * services/network/public/cpp/cors/cors.cc). The WHATWG URL parser agrees on these.
 */
function isParseableUrl(value: string): boolean {
  return URL.canParse(value);
}

/**
 * Checks `Access-Control-Allow-Origin` on one response in Chromium's order: wildcard
 * with credentials, missing, multiple values, `null`, unparseable, mismatch
 * (CheckAccess in services/network/public/cpp/cors/cors.cc). Returns null when the
 * header passes, or when the origin is unknown and only a comparison could fail.
 */
export function checkAllowOrigin({
  response,
  credentials,
}: CheckInput): CheckResult | null {
  const lines = response.headers.lines(ALLOW_ORIGIN);
  const value = lines.length === 0 ? null : lines.join(", ");
  const origin = response.origin;
  const rule = failedRule(value, origin, credentials === "include");
  if (rule === null) return null;
  const result: CheckResult = {
    rule,
    response,
    value,
    expected: origin,
    subject: null,
  };
  // Firefox counts header lines first. A list inside one line only fails its byte
  // comparison (CheckRequestApproved in nsCORSListenerProxy.cpp).
  if (rule === "allow-origin-multiple" && lines.length === 1) {
    return { ...result, firefoxReason: "CORSAllowOriginNotMatchingOrigin" };
  }
  return result;
}

function failedRule(
  value: string | null,
  origin: string | null,
  withCredentials: boolean,
): RuleId | null {
  if (value === "*") {
    return withCredentials ? "allow-origin-wildcard-with-credentials" : null;
  }
  if (value === null) return "allow-origin-missing";
  if (value === origin) return null;
  if (/[ ,]/.test(value)) return "allow-origin-multiple";
  if (value === "null") {
    return origin === null ? null : "allow-origin-mismatch";
  }
  if (!isParseableUrl(value)) return "allow-origin-invalid";
  return origin === null ? null : "allow-origin-mismatch";
}
