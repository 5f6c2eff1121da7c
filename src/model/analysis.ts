export type Verdict = "allowed" | "blocked";

export type Severity = "error" | "warning";

/** Which response a finding is about. */
export type ResponseRole = "preflight" | "actual" | "redirect";

export type CredentialsMode = "include" | "omit";

/** One failing check or warning, with everything needed to explain and fix it. */
export interface Finding {
  /** Stable identifier of the rule, such as `allow-origin-missing`. */
  readonly rule: string;
  readonly severity: Severity;
  readonly response: ResponseRole;
  /** The header at fault, in its canonical spelling, or null when no header is. */
  readonly header: string | null;
  /** The value at fault as received, or null when the header was absent. */
  readonly value: string | null;
  /** A value that would have passed, or null when none applies. */
  readonly expected: string | null;
  /** Chromium's `Network.CorsError` name for this failure, or null for warnings. */
  readonly chromium: string | null;
  /** The reason Firefox logs for this failure (`CORSMissingAllowOrigin`), or null. */
  readonly firefox: string | null;
  readonly explanation: string;
  readonly fix: string;
}

/** What one browser does with the exchange, and the one error name it reports. */
export interface BrowserVerdict {
  readonly verdict: Verdict;
  readonly error: string | null;
}

/** The credentials mode the analysis assumed and why. */
export interface CredentialsAssumption {
  readonly mode: CredentialsMode;
  /** `observed` when evidence showed the mode; `assumed` otherwise. */
  readonly basis: "observed" | "assumed";
  readonly reason: string;
}

export interface Analysis {
  readonly verdict: Verdict;
  /** Failing checks first (in Chromium's order), then warnings. */
  readonly findings: readonly Finding[];
  readonly browsers: {
    readonly chromium: BrowserVerdict;
    readonly firefox: BrowserVerdict;
  };
  readonly credentials: CredentialsAssumption;
  /**
   * The verdict under the other credentials mode, when the mode was assumed and the
   * answer would differ; null otherwise.
   */
  readonly otherCredentialsMode: {
    readonly mode: CredentialsMode;
    readonly verdict: Verdict;
    readonly findings: readonly Finding[];
  } | null;
  /** Other facts the analysis took for granted, in plain words. */
  readonly assumptions: readonly string[];
  /**
   * The response headers a script can read from the actual response
   * (`headers.get()`, `getResponseHeader()`) and those it cannot, by name as the
   * server spelled them. `readable` is empty when the browser blocked the response
   * or made it opaque. Null when no response arrived.
   */
  readonly readableResponseHeaders?: ReadableResponseHeaders | null;
}

/** The names of the actual response's headers, split by whether scripts can read them. */
export interface ReadableResponseHeaders {
  readonly readable: readonly string[];
  readonly hidden: readonly string[];
}
