import { analyzeExchange } from "../analyzer/analyze-exchange";
import type { CredentialsMode } from "../model/analysis";
import type { Exchange } from "../model/exchange";
import type { AnalyzedExchange } from "../report/analyzed-exchange";
import { buildJsonReport } from "../report/build-json-report";
import { renderReport } from "../report/render-report";
import { EXIT_FINDINGS, EXIT_OK } from "./cli-error";
import type { FailOn, OutputOptions } from "./output-options";
import { COLOR_STYLE, PLAIN_STYLE, renderTextReport } from "./text-report";
import { CORS_LENS_VERSION } from "./version";

/** Analyzes each exchange, with a forced credentials mode when one is given. */
export function analyzeAll(
  exchanges: readonly Exchange[],
  credentials?: CredentialsMode,
): AnalyzedExchange[] {
  return exchanges.map((exchange) => ({
    exchange,
    analysis:
      credentials === undefined
        ? analyzeExchange(exchange)
        : analyzeExchange(exchange, { credentials }),
  }));
}

/** The output stream and whether it may be colored. */
export interface OutputTarget {
  readonly write: (text: string) => void;
  readonly color: boolean;
}

/**
 * Writes the analysis in the chosen format and returns the exit status: 1 when an
 * exchange is blocked or has a finding at or above the `--fail-on` severity, else 0.
 */
export function writeAnalysis(
  entries: readonly AnalyzedExchange[],
  options: OutputOptions,
  target: OutputTarget,
): number {
  const report = buildJsonReport(entries, {
    generatedAt: new Date().toISOString(),
    toolVersion: CORS_LENS_VERSION,
    redact: options.redact,
  });
  const text =
    options.format === "text"
      ? renderTextReport(report, {
          browser: options.browser,
          style: target.color ? COLOR_STYLE : PLAIN_STYLE,
        })
      : renderReport(report, options.format);
  target.write(text);
  return hasFailure(entries, options.failOn) ? EXIT_FINDINGS : EXIT_OK;
}

/** Tells whether an exchange is blocked or has a finding at or above the level. */
export function hasFailure(
  entries: readonly AnalyzedExchange[],
  failOn: FailOn,
): boolean {
  return entries.some(
    ({ analysis }) =>
      analysis.verdict === "blocked" ||
      analysis.findings.some(
        (finding) => failOn === "warning" || finding.severity === "error",
      ),
  );
}

/**
 * Color only on a terminal, and never when NO_COLOR is set to a non-empty value
 * (https://no-color.org).
 */
export function shouldColor(
  isTerminal: boolean,
  environment: Readonly<Record<string, string | undefined>>,
): boolean {
  const noColor = environment["NO_COLOR"];
  return isTerminal && (noColor === undefined || noColor === "");
}
