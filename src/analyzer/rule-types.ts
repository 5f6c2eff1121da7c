import type { Severity } from "../model/analysis";

/** A browser whose behaviour the analyzer predicts. */
export type Browser = "chromium" | "firefox";

/** One check of the analyzer, with the names each browser gives its failure. */
export interface Rule {
  /** Stable kebab-case identifier, used in findings, reports and docs. */
  readonly id: string;
  readonly severity: Severity;
  /** The header the rule is about, in canonical spelling, or null. */
  readonly header: string | null;
  /**
   * Chromium's `Network.CorsError` name when the actual response or a redirect
   * response fails. Null for preflight-only rules, for warnings, and for failures
   * that Chromium reports with no CORS error.
   */
  readonly chromium: string | null;
  /** Chromium's `Network.CorsError` name when the preflight response fails, or null. */
  readonly chromiumPreflight: string | null;
  /**
   * The reason Firefox logs (`CORSMissingAllowOrigin`), or null for warnings and
   * failures that Firefox logs no reason for.
   */
  readonly firefox: string | null;
  /** The browsers that fail the request when the rule fails; empty for warnings. */
  readonly blockedIn: readonly Browser[];
  readonly title: string;
}

export const BOTH_BROWSERS: readonly Browser[] = ["chromium", "firefox"];
export const NO_BROWSER: readonly Browser[] = [];
