import type { Rule } from "./rule-types";
import { BOTH_BROWSERS } from "./rule-types";

const ALLOW_ORIGIN = "Access-Control-Allow-Origin";
const ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
const ALLOW_METHODS = "Access-Control-Allow-Methods";
const ALLOW_HEADERS = "Access-Control-Allow-Headers";
const ALLOW_PRIVATE_NETWORK = "Access-Control-Allow-Private-Network";

/**
 * The checks whose failure blocks the request. Chromium names come from
 * `Network.CorsError` in the DevTools protocol, Firefox names from the reasons
 * nsCORSListenerProxy.cpp logs.
 */
export const ERROR_RULES = [
  {
    id: "allow-origin-wildcard-with-credentials",
    severity: "error",
    header: ALLOW_ORIGIN,
    chromium: "WildcardOriginNotAllowed",
    chromiumPreflight: "PreflightWildcardOriginNotAllowed",
    firefox: "CORSNotSupportingCredentials",
    blockedIn: BOTH_BROWSERS,
    title: "Wildcard origin on a request with credentials",
  },
  {
    id: "allow-origin-missing",
    severity: "error",
    header: ALLOW_ORIGIN,
    chromium: "MissingAllowOriginHeader",
    chromiumPreflight: "PreflightMissingAllowOriginHeader",
    firefox: "CORSMissingAllowOrigin",
    blockedIn: BOTH_BROWSERS,
    title: "Access-Control-Allow-Origin is missing",
  },
  {
    id: "allow-origin-multiple",
    severity: "error",
    header: ALLOW_ORIGIN,
    chromium: "MultipleAllowOriginValues",
    chromiumPreflight: "PreflightMultipleAllowOriginValues",
    // Firefox logs this reason only for two header lines. A list in one line is
    // CORSAllowOriginNotMatchingOrigin there (see origin-checks.ts).
    firefox: "CORSMultipleAllowOriginNotAllowed",
    blockedIn: BOTH_BROWSERS,
    title: "Access-Control-Allow-Origin has more than one value",
  },
  {
    id: "allow-origin-invalid",
    severity: "error",
    header: ALLOW_ORIGIN,
    chromium: "InvalidAllowOriginValue",
    chromiumPreflight: "PreflightInvalidAllowOriginValue",
    firefox: "CORSAllowOriginNotMatchingOrigin",
    blockedIn: BOTH_BROWSERS,
    title: "Access-Control-Allow-Origin is not a valid origin",
  },
  {
    id: "allow-origin-mismatch",
    severity: "error",
    header: ALLOW_ORIGIN,
    chromium: "AllowOriginMismatch",
    chromiumPreflight: "PreflightAllowOriginMismatch",
    firefox: "CORSAllowOriginNotMatchingOrigin",
    blockedIn: BOTH_BROWSERS,
    title: "Access-Control-Allow-Origin does not match the origin",
  },
  {
    id: "allow-credentials-invalid",
    severity: "error",
    header: ALLOW_CREDENTIALS,
    chromium: "InvalidAllowCredentials",
    chromiumPreflight: "PreflightInvalidAllowCredentials",
    firefox: "CORSMissingAllowCredentials",
    blockedIn: BOTH_BROWSERS,
    title: "Access-Control-Allow-Credentials is not true",
  },
  {
    id: "preflight-status",
    severity: "error",
    header: null,
    chromium: null,
    chromiumPreflight: "PreflightInvalidStatus",
    firefox: "CORSPreflightDidNotSucceed",
    blockedIn: BOTH_BROWSERS,
    title: "Preflight response status is not 2xx",
  },
  {
    id: "preflight-redirect",
    severity: "error",
    header: "Location",
    chromium: null,
    chromiumPreflight: "PreflightDisallowedRedirect",
    firefox: "CORSExternalRedirectNotAllowed",
    blockedIn: BOTH_BROWSERS,
    title: "Preflight response is a redirect",
  },
  {
    id: "allow-private-network-missing",
    severity: "error",
    header: ALLOW_PRIVATE_NETWORK,
    chromium: null,
    chromiumPreflight: "PreflightMissingAllowPrivateNetwork",
    firefox: null,
    // Firefox sends no Private Network Access preflights, so it never applies this.
    blockedIn: ["chromium"],
    title: "Access-Control-Allow-Private-Network is missing",
  },
  {
    id: "allow-private-network-invalid",
    severity: "error",
    header: ALLOW_PRIVATE_NETWORK,
    chromium: null,
    chromiumPreflight: "PreflightInvalidAllowPrivateNetwork",
    firefox: null,
    blockedIn: ["chromium"],
    title: "Access-Control-Allow-Private-Network is not true",
  },
  {
    id: "allow-methods-invalid",
    severity: "error",
    header: ALLOW_METHODS,
    chromium: null,
    chromiumPreflight: "InvalidAllowMethodsPreflightResponse",
    firefox: "CORSInvalidAllowMethod",
    blockedIn: BOTH_BROWSERS,
    title: "Access-Control-Allow-Methods has an invalid element",
  },
  {
    id: "allow-headers-invalid",
    severity: "error",
    header: ALLOW_HEADERS,
    chromium: null,
    chromiumPreflight: "InvalidAllowHeadersPreflightResponse",
    firefox: "CORSInvalidAllowHeader",
    blockedIn: BOTH_BROWSERS,
    title: "Access-Control-Allow-Headers has an invalid element",
  },
  {
    id: "method-not-allowed",
    severity: "error",
    header: ALLOW_METHODS,
    chromium: null,
    chromiumPreflight: "MethodDisallowedByPreflightResponse",
    firefox: "CORSMethodNotFound",
    blockedIn: BOTH_BROWSERS,
    title: "Method not allowed by the preflight response",
  },
  {
    id: "header-not-allowed",
    severity: "error",
    header: ALLOW_HEADERS,
    chromium: null,
    chromiumPreflight: "HeaderDisallowedByPreflightResponse",
    firefox: "CORSMissingAllowHeaderFromPreflight",
    blockedIn: BOTH_BROWSERS,
    title: "Request header not allowed by the preflight response",
  },
  {
    id: "redirect-contains-credentials",
    severity: "error",
    header: "Location",
    // Chromium 156 fails the request but raises no DevTools issue for it.
    chromium: "RedirectContainsCredentials",
    chromiumPreflight: null,
    // Firefox fails the request and logs no reason.
    firefox: null,
    blockedIn: BOTH_BROWSERS,
    title: "Redirect URL contains a user name or password",
  },
  {
    id: "request-failed",
    severity: "error",
    header: null,
    // Chromium reports a network error (net::ERR_...), not a CORS error.
    chromium: null,
    chromiumPreflight: null,
    // Firefox logs "CORS request did not succeed" when a cross-origin request fails
    // at the network level.
    firefox: "CORSDidNotSucceed",
    blockedIn: BOTH_BROWSERS,
    title: "Request failed without a CORS cause",
  },
] as const satisfies readonly Rule[];
