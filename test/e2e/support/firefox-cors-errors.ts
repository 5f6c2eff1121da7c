import type { Page } from "puppeteer-core";

/** A CORS failure Firefox itself reported for a request, in the page's console. */
export interface FirefoxCorsError {
  readonly url: string;
  /** The message's name as MDN lists it, such as `CORSMissingAllowOrigin`. */
  readonly reason: string;
  readonly message: string;
}

/**
 * The `(Reason: …)` text of each CORS message, from Firefox 153's en-US
 * security.properties (in omni.ja), by message name. `.+` stands for a placeholder.
 */
const REASON_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ["CORSDisabled", /^CORS disabled$/],
  ["CORSDidNotSucceed", /^CORS request did not succeed$/],
  ["CORSOriginHeaderNotAdded", /^CORS header ‘Origin’ cannot be added$/],
  [
    "CORSExternalRedirectNotAllowed",
    /^CORS request external redirect not allowed$/,
  ],
  ["CORSRequestNotHttp", /^CORS request not http$/],
  [
    "CORSMissingAllowOrigin",
    /^CORS header ‘Access-Control-Allow-Origin’ missing$/,
  ],
  [
    "CORSMultipleAllowOriginNotAllowed",
    /^Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed$/,
  ],
  [
    "CORSAllowOriginNotMatchingOrigin",
    /^CORS header ‘Access-Control-Allow-Origin’ does not match ‘.+’$/,
  ],
  [
    "CORSNotSupportingCredentials",
    /^Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘\*’$/,
  ],
  [
    "CORSMethodNotFound",
    /^Did not find method in CORS header ‘Access-Control-Allow-Methods’$/,
  ],
  [
    "CORSMissingAllowCredentials",
    /^expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’$/,
  ],
  ["CORSPreflightDidNotSucceed", /^CORS preflight response did not succeed$/],
  [
    "CORSInvalidAllowMethod",
    /^invalid token ‘.+’ in CORS header ‘Access-Control-Allow-Methods’$/,
  ],
  [
    "CORSInvalidAllowHeader",
    /^invalid token ‘.+’ in CORS header ‘Access-Control-Allow-Headers’$/,
  ],
  [
    "CORSMissingAllowHeaderFromPreflight",
    /^header ‘.+’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response$/,
  ],
];

const BLOCKED_PREFIX = "Cross-Origin Request Blocked:";
const MESSAGE_PATTERN =
  /remote resource at ‘?([^\s‘’]+?)’?\. \(Reason: (.+?)\)\./;

/** Returns the CORS failure a console message reports, or null for other messages. */
export function parseFirefoxCorsError(
  message: string,
): FirefoxCorsError | null {
  if (!message.includes(BLOCKED_PREFIX)) return null;
  const match = MESSAGE_PATTERN.exec(message);
  const url = match?.[1];
  const reasonText = match?.[2];
  if (url === undefined || reasonText === undefined) return null;
  const known = REASON_PATTERNS.find(([, pattern]) => pattern.test(reasonText));
  return { url, reason: known?.[0] ?? "unknown", message };
}

/**
 * Collects the CORS failures Firefox reports for the page's requests. Firefox logs them
 * as script errors of the page, which WebDriver BiDi's log module delivers and
 * Puppeteer emits as `pageerror` (Firefox 153, Puppeteer 24).
 */
export function collectFirefoxCorsErrors(page: Page): FirefoxCorsError[] {
  const errors: FirefoxCorsError[] = [];
  page.on("pageerror", (error) => {
    const parsed = parseFirefoxCorsError(String(error));
    if (parsed !== null) errors.push(parsed);
  });
  return errors;
}

/**
 * Returns Firefox's own verdict for a URL: the first CORS failure it logged, because a
 * failed preflight also logs `CORSDidNotSucceed` for the request it stopped.
 */
export function firefoxVerdict(
  errors: readonly FirefoxCorsError[],
  url: string,
): { verdict: "allowed" | "blocked"; error: string | null } {
  const first = errors.find((error) => error.url === url);
  return first === undefined
    ? { verdict: "allowed", error: null }
    : { verdict: "blocked", error: first.reason };
}
