import { isHttpToken, splitHeaderList } from "../analyzer/http-syntax";
import type { Finding } from "../model/analysis";
import type { RequestedVsAllowedRow } from "../report/requested-vs-allowed";

const ALLOW_ORIGIN = "Access-Control-Allow-Origin";
const ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
const ALLOW_METHODS = "Access-Control-Allow-Methods";
const ALLOW_HEADERS = "Access-Control-Allow-Headers";
const ALLOW_PRIVATE_NETWORK = "Access-Control-Allow-Private-Network";

/**
 * Kind of value a console message quotes besides the header name:
 * - `received`: the header's value as the server sent it;
 * - `absent`: the message states that the header is missing;
 * - `method`, `request-header`: the method or request header name it rejected;
 * - `invalid-element`: the list element it could not parse;
 * - `status`: the response status code;
 * - `none`: no value at all.
 */
export type PointedKind =
  | "received"
  | "absent"
  | "method"
  | "request-header"
  | "invalid-element"
  | "status"
  | "none";

/** The header and value one browser's console message names for a failure. */
export interface ConsolePointer {
  /** The header the message names, or null when it names none. */
  readonly header: string | null;
  readonly kind: PointedKind;
  /** The quoted value, or null when the message quotes none or it is unknown. */
  readonly value: string | null;
}

/** The header and kind of value a message quotes, before the finding fills in the value. */
interface PointerShape {
  readonly header: string | null;
  readonly kind: PointedKind;
}

/**
 * The header and value each Chromium console message names, by `Network.CorsError` name. The messages
 * come from cors_error_string.cc in Blink. The `Preflight…` variants of the origin and
 * credentials errors name the same header as their plain forms.
 */
const CHROMIUM_POINTERS: ReadonlyMap<string, PointerShape> = new Map([
  ["WildcardOriginNotAllowed", { header: ALLOW_ORIGIN, kind: "received" }],
  ["MissingAllowOriginHeader", { header: ALLOW_ORIGIN, kind: "absent" }],
  ["MultipleAllowOriginValues", { header: ALLOW_ORIGIN, kind: "received" }],
  ["InvalidAllowOriginValue", { header: ALLOW_ORIGIN, kind: "received" }],
  ["AllowOriginMismatch", { header: ALLOW_ORIGIN, kind: "received" }],
  ["InvalidAllowCredentials", { header: ALLOW_CREDENTIALS, kind: "received" }],
  ["PreflightInvalidStatus", { header: null, kind: "status" }],
  ["PreflightDisallowedRedirect", { header: null, kind: "none" }],
  [
    "PreflightMissingAllowPrivateNetwork",
    { header: ALLOW_PRIVATE_NETWORK, kind: "absent" },
  ],
  [
    "PreflightInvalidAllowPrivateNetwork",
    { header: ALLOW_PRIVATE_NETWORK, kind: "received" },
  ],
  [
    "InvalidAllowMethodsPreflightResponse",
    { header: ALLOW_METHODS, kind: "none" },
  ],
  [
    "InvalidAllowHeadersPreflightResponse",
    { header: ALLOW_HEADERS, kind: "none" },
  ],
  [
    "MethodDisallowedByPreflightResponse",
    { header: ALLOW_METHODS, kind: "method" },
  ],
  [
    "HeaderDisallowedByPreflightResponse",
    { header: ALLOW_HEADERS, kind: "request-header" },
  ],
  ["RedirectContainsCredentials", { header: "Location", kind: "received" }],
]);

/**
 * The header and value each Firefox console message names, by reason: the `CORS…` strings of its
 * security.properties, filled in by LogBlockedRequest in nsCORSListenerProxy.cpp.
 * The missing-origin message also gives the status code, which is left out here.
 */
const FIREFOX_POINTERS: ReadonlyMap<string, PointerShape> = new Map([
  ["CORSMissingAllowOrigin", { header: ALLOW_ORIGIN, kind: "absent" }],
  [
    "CORSAllowOriginNotMatchingOrigin",
    { header: ALLOW_ORIGIN, kind: "received" },
  ],
  ["CORSMultipleAllowOriginNotAllowed", { header: ALLOW_ORIGIN, kind: "none" }],
  ["CORSNotSupportingCredentials", { header: ALLOW_ORIGIN, kind: "received" }],
  ["CORSMissingAllowCredentials", { header: ALLOW_CREDENTIALS, kind: "none" }],
  ["CORSPreflightDidNotSucceed", { header: null, kind: "status" }],
  ["CORSExternalRedirectNotAllowed", { header: null, kind: "none" }],
  [
    "CORSInvalidAllowMethod",
    { header: ALLOW_METHODS, kind: "invalid-element" },
  ],
  [
    "CORSInvalidAllowHeader",
    { header: ALLOW_HEADERS, kind: "invalid-element" },
  ],
  ["CORSMethodNotFound", { header: ALLOW_METHODS, kind: "none" }],
  [
    "CORSMissingAllowHeaderFromPreflight",
    { header: ALLOW_HEADERS, kind: "request-header" },
  ],
  ["CORSDidNotSucceed", { header: null, kind: "none" }],
]);

/**
 * Returns what Chromium's console message names for the finding, or null when
 * Chromium reports no CORS error for it. `subject` is the method or request header
 * the failure is about.
 */
export function chromiumPointer(
  finding: Finding,
  subject: string | null,
): ConsolePointer | null {
  const name = finding.chromium;
  if (name === null) return null;
  const shape =
    CHROMIUM_POINTERS.get(name) ??
    CHROMIUM_POINTERS.get(name.replace(/^Preflight/, ""));
  return shape === undefined ? null : fill(shape, finding, subject);
}

/** Returns what Firefox's console message names for the finding, or null. */
export function firefoxPointer(
  finding: Finding,
  subject: string | null,
): ConsolePointer | null {
  const name = finding.firefox;
  if (name === null) return null;
  const shape = FIREFOX_POINTERS.get(name);
  return shape === undefined ? null : fill(shape, finding, subject);
}

function fill(
  shape: PointerShape,
  finding: Finding,
  subject: string | null,
): ConsolePointer {
  switch (shape.kind) {
    case "received":
      // A missing value is quoted as missing, not as an empty string.
      return finding.value === null
        ? { header: shape.header, kind: "absent", value: null }
        : { ...shape, value: finding.value };
    case "status":
      return { ...shape, value: finding.value };
    case "method":
    case "request-header":
      return { ...shape, value: subject };
    case "invalid-element":
      return { ...shape, value: firstInvalidElement(finding.value) };
    case "absent":
    case "none":
      return { ...shape, value: null };
  }
}

/** Returns the first element of a comma-separated list that is not an HTTP token. */
export function firstInvalidElement(list: string | null): string | null {
  if (list === null) return null;
  const elements = splitHeaderList(list);
  return (
    elements.find((element) => element !== "" && !isHttpToken(element)) ?? null
  );
}

/**
 * Returns, for each finding, the method or request header name its failure is about,
 * or null. The method comes from the method row of the comparison. The analyzer
 * reports one `header-not-allowed` finding per denied header, in the order of the
 * headers row's `denied`, so the n-th such finding gets the n-th denied name. When
 * the counts differ, each finding gets the whole list.
 */
export function findingSubjects(
  findings: readonly Finding[],
  rows: readonly RequestedVsAllowedRow[],
): (string | null)[] {
  const methodRow = rows.find((row) => row.check === "method");
  const denied = rows.find((row) => row.check === "headers")?.denied ?? [];
  const headerFindings = findings.filter(
    (finding) => finding.rule === "header-not-allowed",
  );
  let headerIndex = 0;
  return findings.map((finding) => {
    if (finding.rule === "method-not-allowed") {
      return methodRow?.requested ?? null;
    }
    if (finding.rule !== "header-not-allowed") return null;
    const index = headerIndex;
    headerIndex += 1;
    if (denied.length === 0) return null;
    if (denied.length !== headerFindings.length) return denied.join(", ");
    return denied[index] ?? null;
  });
}
