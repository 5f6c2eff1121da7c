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
  const fail = (rule: RuleId, firefoxReason?: string): CheckResult => ({
    rule,
    response,
    value,
    expected: origin,
    subject: null,
    ...(firefoxReason === undefined ? {} : { firefoxReason }),
  });

  if (value === "*") {
    return credentials === "include"
      ? fail("allow-origin-wildcard-with-credentials")
      : null;
  }
  if (value === null) return fail("allow-origin-missing");
  if (value === origin) return null;
  if (/[ ,]/.test(value)) {
    // Firefox counts header lines first. A list inside one line only fails its
    // byte comparison (CheckRequestApproved in nsCORSListenerProxy.cpp).
    return lines.length > 1
      ? fail("allow-origin-multiple")
      : fail("allow-origin-multiple", "CORSAllowOriginNotMatchingOrigin");
  }
  if (value === "null") {
    return origin === null ? null : fail("allow-origin-mismatch");
  }
  if (!isParseableUrl(value)) return fail("allow-origin-invalid");
  return origin === null ? null : fail("allow-origin-mismatch");
}
