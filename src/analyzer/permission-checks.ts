import type { CredentialsMode } from "../model/analysis";
import type { AllowList } from "./allow-list";
import { parseAllowList } from "./allow-list";
import type { CheckInput, CheckResult, CheckedResponse } from "./check-types";
import { extractHttpTokens } from "./http-syntax";
import { isSafelistedMethod } from "./safelist";

/** `*` in an allow list means "any" only without credentials (Fetch "CORS-preflight fetch"). */
function allowsAny(list: AllowList, credentials: CredentialsMode): boolean {
  return credentials === "omit" && list.elements.includes("*");
}

/**
 * Returns a warning when credentials make `*` a literal name in the list. It is left
 * out when the list already failed the request, whose explanation covers it.
 */
function literalWildcardResult(
  rule:
    | "allow-methods-wildcard-with-credentials"
    | "allow-headers-wildcard-with-credentials",
  response: CheckedResponse,
  list: AllowList,
  credentials: CredentialsMode,
): CheckResult | null {
  if (credentials !== "include" || !list.elements.includes("*")) return null;
  return {
    rule,
    response,
    value: list.value,
    expected: list.elements.filter((element) => element !== "*").join(", "),
    subject: null,
  };
}

/**
 * Returns the list with `additions` appended, leaving out `*` when credentials make
 * it literal. Methods compare case-sensitively and header names do not.
 */
function extendedList(
  list: AllowList,
  additions: readonly string[],
  credentials: CredentialsMode,
  caseSensitive: boolean,
): string {
  const key = (name: string) => (caseSensitive ? name : name.toLowerCase());
  const merged = list.elements.filter(
    (element) => credentials === "omit" || element !== "*",
  );
  for (const addition of additions) {
    if (!merged.some((element) => key(element) === key(addition))) {
      merged.push(addition);
    }
  }
  return merged.join(", ");
}

function invalidListResult(
  rule: "allow-methods-invalid" | "allow-headers-invalid",
  response: CheckedResponse,
  list: AllowList,
): CheckResult | null {
  if (list.invalid.length === 0 || list.value === null) return null;
  return {
    rule,
    response,
    value: list.value,
    expected: extractHttpTokens(list.value).join(", "),
    subject: list.invalid.join(", "),
  };
}

/**
 * Checks `Access-Control-Allow-Methods` for the requested method: every element must
 * be a token, and the method must be safelisted or listed, compared case-sensitively.
 */
export function checkAllowMethods(
  { response, credentials }: CheckInput,
  method: string,
): CheckResult[] {
  const list = parseAllowList(response.headers, "Access-Control-Allow-Methods");
  const results: CheckResult[] = [];
  const invalid = invalidListResult("allow-methods-invalid", response, list);
  if (invalid !== null) results.push(invalid);

  const isAllowed =
    isSafelistedMethod(method) ||
    list.elements.includes(method) ||
    allowsAny(list, credentials);
  if (!isAllowed) {
    results.push({
      rule: "method-not-allowed",
      response,
      value: list.value,
      expected: extendedList(list, [method], credentials, true),
      subject: method,
    });
  } else {
    const literal = literalWildcardResult(
      "allow-methods-wildcard-with-credentials",
      response,
      list,
      credentials,
    );
    if (literal !== null) results.push(literal);
  }
  return results;
}

/**
 * Checks `Access-Control-Allow-Headers` for each CORS-unsafe request header name,
 * compared case-insensitively. A `*` that lets `authorization` through yields a
 * warning: the Fetch standard excludes Authorization from the wildcard, but Chromium
 * 156 and Firefox 153 still allow it.
 */
export function checkAllowHeaders(
  { response, credentials }: CheckInput,
  requestedHeaders: readonly string[],
): CheckResult[] {
  const list = parseAllowList(response.headers, "Access-Control-Allow-Headers");
  const results: CheckResult[] = [];
  const invalid = invalidListResult("allow-headers-invalid", response, list);
  if (invalid !== null) results.push(invalid);

  const listed = list.elements.map((element) => element.toLowerCase());
  const wildcard = allowsAny(list, credentials);
  const missing = wildcard
    ? []
    : requestedHeaders.filter((name) => !listed.includes(name));
  const expected =
    missing.length === 0
      ? null
      : extendedList(list, missing, credentials, false);
  for (const name of missing) {
    results.push({
      rule: "header-not-allowed",
      response,
      value: list.value,
      expected,
      subject: name,
    });
  }

  if (missing.length === 0) {
    const literal = literalWildcardResult(
      "allow-headers-wildcard-with-credentials",
      response,
      list,
      credentials,
    );
    if (literal !== null) results.push(literal);
  }

  if (wildcard && requestedHeaders.includes("authorization")) {
    if (!listed.includes("authorization")) {
      results.push({
        rule: "allow-headers-wildcard-authorization",
        response,
        value: list.value,
        expected: extendedList(list, ["Authorization"], credentials, false),
        subject: "authorization",
      });
    }
  }
  return results;
}
