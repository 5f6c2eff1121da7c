import type { CredentialsMode, ResponseRole } from "../model/analysis";
import type { HeaderIndex } from "./header-index";
import type { RuleId } from "./rules";

/** One HTTP response of an exchange, with what the browser checks it against. */
export interface CheckedResponse {
  readonly role: ResponseRole;
  /**
   * Position in the exchange, increasing in the order the browser received the
   * responses: the preflight, each redirect, then the final response. A preflight sent
   * after a redirect sits between that redirect and the next response.
   */
  readonly position: number;
  readonly url: string;
  readonly statusCode: number;
  readonly headers: HeaderIndex;
  /**
   * The origin the browser compares `Access-Control-Allow-Origin` with: `null` (the
   * string) once a redirect tainted it, or null when the origin is unknown.
   */
  readonly origin: string | null;
}

/** A check that failed or warned, before it is explained. */
export interface CheckResult {
  readonly rule: RuleId;
  readonly response: CheckedResponse;
  readonly value: string | null;
  readonly expected: string | null;
  /** The method, header name or list elements the result is about, for its text. */
  readonly subject: string | null;
  /** Firefox's reason when it differs from the rule's usual one. */
  readonly firefoxReason?: string;
}

/** The facts a check needs besides the response itself. */
export interface CheckInput {
  readonly response: CheckedResponse;
  readonly credentials: CredentialsMode;
}
