import type { Severity } from "../model/analysis";

/** One check of the analyzer, with the names each browser gives its failure. */
export interface Rule {
  /** Stable kebab-case identifier, used in findings, reports and docs. */
  readonly id: string;
  readonly severity: Severity;
  /** The response header the rule is about, in canonical spelling, or null. */
  readonly header: string | null;
  /**
   * Chromium's `Network.CorsError` name when the actual response or a redirect
   * response fails; null for preflight-only rules and warnings.
   */
  readonly chromium: string | null;
  /** Chromium's `Network.CorsError` name when the preflight response fails, or null. */
  readonly chromiumPreflight: string | null;
  /** The reason Firefox logs (`CORSMissingAllowOrigin`), or null for warnings. */
  readonly firefox: string | null;
  readonly title: string;
}

const ALLOW_ORIGIN = "Access-Control-Allow-Origin";
const ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
const ALLOW_METHODS = "Access-Control-Allow-Methods";
const ALLOW_HEADERS = "Access-Control-Allow-Headers";

/**
 * Every rule of the analyzer. Chromium names come from `Network.CorsError` in the
 * DevTools protocol, Firefox names from the reasons nsCORSListenerProxy.cpp logs.
 */
export const RULES = [
  {
    id: "allow-origin-wildcard-with-credentials",
    severity: "error",
    header: ALLOW_ORIGIN,
    chromium: "WildcardOriginNotAllowed",
    chromiumPreflight: "PreflightWildcardOriginNotAllowed",
    firefox: "CORSNotSupportingCredentials",
    title: "Wildcard origin on a request with credentials",
  },
  {
    id: "allow-origin-missing",
    severity: "error",
    header: ALLOW_ORIGIN,
    chromium: "MissingAllowOriginHeader",
    chromiumPreflight: "PreflightMissingAllowOriginHeader",
    firefox: "CORSMissingAllowOrigin",
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
    title: "Access-Control-Allow-Origin has more than one value",
  },
  {
    id: "allow-origin-invalid",
    severity: "error",
    header: ALLOW_ORIGIN,
    chromium: "InvalidAllowOriginValue",
    chromiumPreflight: "PreflightInvalidAllowOriginValue",
    firefox: "CORSAllowOriginNotMatchingOrigin",
    title: "Access-Control-Allow-Origin is not a valid origin",
  },
  {
    id: "allow-origin-mismatch",
    severity: "error",
    header: ALLOW_ORIGIN,
    chromium: "AllowOriginMismatch",
    chromiumPreflight: "PreflightAllowOriginMismatch",
    firefox: "CORSAllowOriginNotMatchingOrigin",
    title: "Access-Control-Allow-Origin does not match the origin",
  },
  {
    id: "allow-credentials-invalid",
    severity: "error",
    header: ALLOW_CREDENTIALS,
    chromium: "InvalidAllowCredentials",
    chromiumPreflight: "PreflightInvalidAllowCredentials",
    firefox: "CORSMissingAllowCredentials",
    title: "Access-Control-Allow-Credentials is not true",
  },
  {
    id: "preflight-status",
    severity: "error",
    header: null,
    chromium: null,
    chromiumPreflight: "PreflightInvalidStatus",
    firefox: "CORSPreflightDidNotSucceed",
    title: "Preflight response status is not 2xx",
  },
  {
    id: "preflight-redirect",
    severity: "error",
    header: "Location",
    chromium: null,
    chromiumPreflight: "PreflightDisallowedRedirect",
    firefox: "CORSExternalRedirectNotAllowed",
    title: "Preflight response is a redirect",
  },
  {
    id: "allow-methods-invalid",
    severity: "error",
    header: ALLOW_METHODS,
    chromium: null,
    chromiumPreflight: "InvalidAllowMethodsPreflightResponse",
    firefox: "CORSInvalidAllowMethod",
    title: "Access-Control-Allow-Methods has an invalid element",
  },
  {
    id: "allow-headers-invalid",
    severity: "error",
    header: ALLOW_HEADERS,
    chromium: null,
    chromiumPreflight: "InvalidAllowHeadersPreflightResponse",
    firefox: "CORSInvalidAllowHeader",
    title: "Access-Control-Allow-Headers has an invalid element",
  },
  {
    id: "method-not-allowed",
    severity: "error",
    header: ALLOW_METHODS,
    chromium: null,
    chromiumPreflight: "MethodDisallowedByPreflightResponse",
    firefox: "CORSMethodNotFound",
    title: "Method not allowed by the preflight response",
  },
  {
    id: "header-not-allowed",
    severity: "error",
    header: ALLOW_HEADERS,
    chromium: null,
    chromiumPreflight: "HeaderDisallowedByPreflightResponse",
    firefox: "CORSMissingAllowHeaderFromPreflight",
    title: "Request header not allowed by the preflight response",
  },
  {
    id: "allow-headers-wildcard-authorization",
    severity: "warning",
    header: ALLOW_HEADERS,
    chromium: null,
    chromiumPreflight: null,
    firefox: null,
    title: "Authorization allowed only through the * wildcard",
  },
  {
    id: "vary-origin-missing",
    severity: "warning",
    header: "Vary",
    chromium: null,
    chromiumPreflight: null,
    firefox: null,
    title: "Echoed origin without Vary: Origin",
  },
  {
    id: "allow-origin-null",
    severity: "warning",
    header: ALLOW_ORIGIN,
    chromium: null,
    chromiumPreflight: null,
    firefox: null,
    title: "The null origin is allowed",
  },
  {
    id: "cors-headers-missing-on-error",
    severity: "warning",
    header: ALLOW_ORIGIN,
    chromium: null,
    chromiumPreflight: null,
    firefox: null,
    title: "CORS headers missing on an error response",
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]["id"];

const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(
  RULES.map((rule) => [rule.id, rule]),
);

/** Returns the rule with this id. RuleId is derived from RULES, so the lookup succeeds. */
export function ruleById(id: RuleId): Rule {
  const rule = RULES_BY_ID.get(id);
  if (rule === undefined) throw new Error(`Unknown CORS rule id: ${id}`);
  return rule;
}
