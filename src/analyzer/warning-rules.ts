import type { Rule } from "./rule-types";
import { NO_BROWSER } from "./rule-types";

const ALLOW_ORIGIN = "Access-Control-Allow-Origin";
const MAX_AGE = "Access-Control-Max-Age";
const EXPOSE_HEADERS = "Access-Control-Expose-Headers";

interface WarningRule<Id extends string> extends Rule {
  readonly id: Id;
  readonly severity: "warning";
}

function warningRule<Id extends string>(
  id: Id,
  header: string | null,
  title: string,
): WarningRule<Id> {
  return {
    id,
    severity: "warning",
    header,
    chromium: null,
    chromiumPreflight: null,
    firefox: null,
    blockedIn: NO_BROWSER,
    title,
  };
}

/** The checks that flag a risk or a surprise but let the request through. */
export const WARNING_RULES = [
  warningRule(
    "allow-headers-wildcard-authorization",
    "Access-Control-Allow-Headers",
    "Authorization allowed only through the * wildcard",
  ),
  warningRule(
    "vary-origin-missing",
    "Vary",
    "Echoed origin without Vary: Origin",
  ),
  warningRule("allow-origin-null", ALLOW_ORIGIN, "The null origin is allowed"),
  warningRule(
    "allow-origin-reflected-with-credentials",
    ALLOW_ORIGIN,
    "Echoed origin together with credentials",
  ),
  warningRule(
    "allow-methods-wildcard-with-credentials",
    "Access-Control-Allow-Methods",
    "* in Access-Control-Allow-Methods on a request with credentials",
  ),
  warningRule(
    "allow-headers-wildcard-with-credentials",
    "Access-Control-Allow-Headers",
    "* in Access-Control-Allow-Headers on a request with credentials",
  ),
  warningRule(
    "expose-headers-wildcard-with-credentials",
    EXPOSE_HEADERS,
    "* in Access-Control-Expose-Headers on a request with credentials",
  ),
  warningRule(
    "max-age-above-cap",
    MAX_AGE,
    "Access-Control-Max-Age above a browser's limit",
  ),
  warningRule(
    "max-age-invalid",
    MAX_AGE,
    "Access-Control-Max-Age is negative or not a number",
  ),
  warningRule(
    "cors-headers-missing-on-error",
    ALLOW_ORIGIN,
    "CORS headers missing on an error response",
  ),
  warningRule(
    "preflight-requires-authentication",
    null,
    "Preflight rejected or redirected for lack of authentication",
  ),
  warningRule(
    "blocked-request-reached-server",
    null,
    "Blocked request still reached the server",
  ),
  warningRule(
    "response-header-not-exposed",
    EXPOSE_HEADERS,
    "Response headers hidden from the page",
  ),
  warningRule(
    "authorization-dropped-on-redirect",
    "Location",
    "Authorization removed by a redirect to another origin",
  ),
  warningRule(
    "no-cors-opaque-response",
    null,
    "no-cors request: the response is opaque",
  ),
  warningRule(
    "verdict-disagrees-with-browser",
    null,
    "The browser completed a request the analysis blocks",
  ),
] as const;
