/** Exit status when every analyzed request passes at the `--fail-on` level. */
export const EXIT_OK = 0;
/** Exit status when a finding at or above the `--fail-on` level exists. */
export const EXIT_FINDINGS = 1;
/** Exit status for bad input: usage, unreadable file, invalid document, network error. */
export const EXIT_BAD_INPUT = 2;

/**
 * A problem with the input that ends the command with exit status 2. The message is
 * one line, printed as is after `cors-lens: `, without a stack trace.
 */
export class CliError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CliError";
  }
}
