import { isReportFormat, type ReportFormat } from "../report/render-report";
import { CliError } from "./cli-error";

export type OutputFormat = "text" | ReportFormat;
export type LeadBrowser = "chromium" | "firefox";
export type FailOn = "error" | "warning";

/** The options that `analyze` and `check` share. */
export interface OutputOptions {
  readonly format: OutputFormat;
  readonly browser: LeadBrowser;
  readonly failOn: FailOn;
  readonly redact: boolean;
}

/** `util.parseArgs` definitions of the shared options. */
export const OUTPUT_OPTION_DEFINITIONS = {
  format: { type: "string", short: "f" },
  browser: { type: "string" },
  "fail-on": { type: "string" },
  "no-redact": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

interface ParsedOutputValues {
  readonly format?: string | undefined;
  readonly browser?: string | undefined;
  readonly "fail-on"?: string | undefined;
  readonly "no-redact"?: boolean | undefined;
}

/** Checks the shared options and fills in their defaults. */
export function readOutputOptions(values: ParsedOutputValues): OutputOptions {
  const format = values.format ?? "text";
  if (format !== "text" && !isReportFormat(format)) {
    throw new CliError(
      `unknown format "${format}": use text, json, md or html`,
    );
  }
  const browser = values.browser ?? "chromium";
  if (browser !== "chromium" && browser !== "firefox") {
    throw new CliError(`unknown browser "${browser}": use chromium or firefox`);
  }
  const failOn = values["fail-on"] ?? "error";
  if (failOn !== "error" && failOn !== "warning") {
    throw new CliError(
      `unknown --fail-on level "${failOn}": use error or warning`,
    );
  }
  return {
    format,
    browser,
    failOn,
    redact: values["no-redact"] !== true,
  };
}
