import type { RequestRecord } from "./request-record";

/**
 * How the actual request was cleared to go out:
 * - `sent`: a preflight was sent for it;
 * - `cached`: it needed a preflight but none was seen, so an earlier preflight's cached
 *   answer allowed it;
 * - `not-needed`: a simple request, sent without a preflight.
 */
export type PreflightSource = "sent" | "cached" | "not-needed";

/** What one page call produced: the actual request and the preflight that cleared it. */
export interface Exchange {
  /** Equal to the actual request's record id. */
  readonly id: string;
  readonly tabId: number;
  /** The `Origin` the request carried, or the initiator's origin when headers are hidden. */
  readonly origin: string | null;
  readonly actual: RequestRecord;
  /** The preflight sent for this request, or for `cached`, the one whose answer was reused. */
  readonly preflight: RequestRecord | null;
  readonly preflightSource: PreflightSource;
  /**
   * Preflights sent for the URLs the actual request was redirected to, in order. Absent
   * when there were none.
   */
  readonly redirectPreflights?: readonly RequestRecord[];
}
