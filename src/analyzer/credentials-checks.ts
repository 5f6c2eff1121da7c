import type { CheckInput, CheckResult } from "./check-types";

/**
 * Checks `Access-Control-Allow-Credentials` when credentials are included. Both
 * browsers require the exact bytes `true`, so `TRUE` and two `true` lines (joined as
 * `true, true`) fail (Fetch "CORS check").
 */
export function checkAllowCredentials({
  response,
  credentials,
}: CheckInput): CheckResult | null {
  if (credentials !== "include") return null;
  const value = response.headers.value("Access-Control-Allow-Credentials");
  if (value === "true") return null;
  return {
    rule: "allow-credentials-invalid",
    response,
    value,
    expected: "true",
    subject: null,
  };
}
