import type { CheckedResponse, CheckResult } from "./check-types";

const ALLOW_PRIVATE_NETWORK = "Access-Control-Allow-Private-Network";

/**
 * Checks `Access-Control-Allow-Private-Network` on a Private Network Access
 * preflight, one that carried `Access-Control-Request-Private-Network: true`. Chromium
 * requires the exact value `true` and checks it after the origin, credentials and
 * status checks (CheckAllowPrivateNetworkHeader in
 * services/network/cors/preflight_controller.cc). Recent Chromium versions ask the
 * user for Local Network Access permission instead and no longer send this preflight.
 */
export function checkAllowPrivateNetwork(
  preflight: CheckedResponse,
  privateNetworkPreflight: boolean,
): CheckResult | null {
  if (!privateNetworkPreflight) return null;
  const value = preflight.headers.value(ALLOW_PRIVATE_NETWORK);
  if (value === "true") return null;
  return {
    rule:
      value === null
        ? "allow-private-network-missing"
        : "allow-private-network-invalid",
    response: preflight,
    value,
    expected: "true",
    subject: null,
  };
}
