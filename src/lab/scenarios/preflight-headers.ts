import type {
  FetchCredentials,
  HeaderTemplate,
  Scenario,
  ScenarioResponse,
} from "../scenario";
import type { HeaderList } from "../../model/header";
import {
  ALLOWED_RESPONSE,
  ALLOW_CREDENTIALS,
  ALLOW_REQUEST_ORIGIN,
  JSON_REQUEST_BODY,
  LAB_HEADER,
  allowHeaders,
  allowMethods,
  jsonResponse,
} from "./common";

interface HeaderCase {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly method?: string;
  readonly headers: HeaderList;
  readonly body?: string;
  readonly credentials?: FetchCredentials;
  /**
   * The preflight's `Access-Control-Allow-Headers`, or null to leave it out.
   * Absent for a simple request, whose scenario defines no preflight response.
   */
  readonly allowed?: string | null;
}

/** Returns the preflight response: the origin allowed, then `allowed` as the headers. */
function preflightResponse(
  allowed: string | null,
  method: string,
  credentials: readonly HeaderTemplate[],
): ScenarioResponse {
  return {
    status: 204,
    headers: [
      ...ALLOW_REQUEST_ORIGIN,
      ...credentials,
      allowMethods(method),
      ...(allowed === null ? [] : [allowHeaders(allowed)]),
    ],
  };
}

/**
 * A request whose headers decide whether it needs a preflight, and whose
 * preflight, when it has one, allows the origin and method and answers
 * `allowed` as the headers.
 */
function headerScenario(headerCase: HeaderCase): Scenario {
  const method = headerCase.method ?? "GET";
  const credentials = headerCase.credentials ?? "same-origin";
  const withCredentials = credentials === "include" ? [ALLOW_CREDENTIALS] : [];
  const request = {
    method,
    headers: headerCase.headers,
    credentials,
    ...(headerCase.body === undefined ? {} : { body: headerCase.body }),
  };
  return {
    id: headerCase.id,
    title: headerCase.title,
    description: headerCase.description,
    request,
    preflight:
      headerCase.allowed === undefined
        ? null
        : preflightResponse(headerCase.allowed, method, withCredentials),
    actual:
      credentials === "include"
        ? jsonResponse(200, [...ALLOW_REQUEST_ORIGIN, ALLOW_CREDENTIALS])
        : ALLOWED_RESPONSE,
  };
}

/** A value of `length` bytes that a safelisted header accepts. */
function safelistedValue(length: number): string {
  return "a".repeat(length);
}

const HEADER_CASES: readonly HeaderCase[] = [
  {
    id: "header-custom-allowed",
    title: "Custom header allowed",
    description: "Nothing is wrong: the preflight lists X-Lab.",
    headers: [LAB_HEADER],
    allowed: "X-Lab",
  },
  {
    id: "header-custom-not-allowed",
    title: "Custom header not allowed",
    description:
      "The request sends X-Lab, but Access-Control-Allow-Headers lists only X-Other.",
    headers: [LAB_HEADER],
    allowed: "X-Other",
  },
  {
    id: "header-allow-headers-missing",
    title: "No Access-Control-Allow-Headers",
    description:
      "The request sends X-Lab, but the preflight has no Access-Control-Allow-Headers.",
    headers: [LAB_HEADER],
    allowed: null,
  },
  {
    id: "header-case-insensitive",
    title: "Header allowed in another case",
    description:
      "Nothing is wrong: Access-Control-Allow-Headers lists x-LAB, and header names are compared case-insensitively.",
    headers: [LAB_HEADER],
    allowed: "x-LAB",
  },
  {
    id: "header-second-not-allowed",
    title: "One of two custom headers not allowed",
    description:
      "The request sends X-Lab and X-Trace, but Access-Control-Allow-Headers lists only X-Lab.",
    headers: [LAB_HEADER, { name: "X-Trace", value: "abc" }],
    allowed: "X-Lab",
  },
  {
    id: "header-wildcard",
    title: "Wildcard headers without credentials",
    description:
      "Nothing is wrong: Access-Control-Allow-Headers is * and the request sends no credentials.",
    headers: [LAB_HEADER],
    allowed: "*",
  },
  {
    id: "header-wildcard-with-credentials",
    title: "Wildcard headers with credentials",
    description:
      "Access-Control-Allow-Headers is *, which means the header named * when the request sends cookies.",
    headers: [LAB_HEADER],
    credentials: "include",
    allowed: "*",
  },
  {
    id: "header-wildcard-authorization",
    title: "Wildcard headers and Authorization",
    description:
      "Access-Control-Allow-Headers is *, which the Fetch standard says does not cover Authorization.",
    headers: [{ name: "Authorization", value: "Bearer lab-token" }],
    allowed: "*",
  },
  {
    id: "header-authorization-allowed",
    title: "Authorization allowed",
    description:
      "Nothing is wrong: Access-Control-Allow-Headers lists Authorization.",
    headers: [{ name: "Authorization", value: "Bearer lab-token" }],
    allowed: "Authorization",
  },
  {
    id: "header-allow-headers-unparseable",
    title: "Unparseable Access-Control-Allow-Headers",
    description:
      "Access-Control-Allow-Headers is X-A; X-B, which is not a comma-separated list of header names.",
    headers: [{ name: "X-A", value: "1" }],
    allowed: "X-A; X-B",
  },
  {
    id: "header-content-type-json-allowed",
    title: "JSON Content-Type allowed",
    description:
      "Nothing is wrong: the POST sends application/json and the preflight lists Content-Type.",
    method: "POST",
    headers: [{ name: "Content-Type", value: "application/json" }],
    body: JSON_REQUEST_BODY,
    allowed: "Content-Type",
  },
  {
    id: "header-content-type-json-not-allowed",
    title: "JSON Content-Type not allowed",
    description:
      "The POST sends Content-Type: application/json, which needs a preflight, and the preflight does not list Content-Type.",
    method: "POST",
    headers: [{ name: "Content-Type", value: "application/json" }],
    body: JSON_REQUEST_BODY,
    allowed: null,
  },
  {
    id: "header-content-type-text-plain",
    title: "Plain-text POST without preflight",
    description:
      "Nothing is wrong: a POST with Content-Type: text/plain needs no preflight.",
    method: "POST",
    headers: [{ name: "Content-Type", value: "text/plain" }],
    body: "hello",
  },
  {
    id: "header-content-type-quoted-charset",
    title: "Quoted charset in Content-Type",
    description:
      'Content-Type text/plain; charset="utf-8" contains a quote, which makes it need a preflight that does not list Content-Type.',
    method: "POST",
    headers: [{ name: "Content-Type", value: 'text/plain; charset="utf-8"' }],
    body: "hello",
    allowed: null,
  },
  {
    id: "header-accept-language-underscore",
    title: "Accept-Language with an underscore",
    description:
      "Accept-Language: en_US contains an underscore, so it needs a preflight, which does not list Accept-Language.",
    headers: [{ name: "Accept-Language", value: "en_US" }],
    allowed: null,
  },
  {
    id: "header-accept-language-safelisted",
    title: "Safelisted Accept-Language",
    description:
      "Nothing is wrong: Accept-Language: en-US, en;q=0.9 is safelisted, so the GET needs no preflight.",
    headers: [{ name: "Accept-Language", value: "en-US, en;q=0.9" }],
  },
  {
    id: "header-value-128-bytes",
    title: "Safelisted header of 128 bytes",
    description:
      "Nothing is wrong: a 128-byte Content-Language is still safelisted, so the GET needs no preflight.",
    headers: [{ name: "Content-Language", value: safelistedValue(128) }],
  },
  {
    id: "header-value-129-bytes",
    title: "Safelisted header of 129 bytes",
    description:
      "Content-Language is 129 bytes long, over the 128-byte safelist limit, so it needs a preflight that does not list it.",
    headers: [{ name: "Content-Language", value: safelistedValue(129) }],
    allowed: null,
  },
  {
    id: "header-range-single",
    title: "Single byte range",
    description:
      "Nothing is wrong: Range: bytes=0- is safelisted, so the GET needs no preflight.",
    headers: [{ name: "Range", value: "bytes=0-" }],
  },
  {
    id: "header-range-multiple",
    title: "Two byte ranges",
    description:
      "Range: bytes=0-1,2-3 asks for two ranges, so it needs a preflight, which does not list Range.",
    headers: [{ name: "Range", value: "bytes=0-1,2-3" }],
    allowed: null,
  },
  {
    id: "header-range-multiple-allowed",
    title: "Two byte ranges allowed",
    description:
      "Nothing is wrong: Range: bytes=0-1,2-3 needs a preflight, and the preflight lists Range.",
    headers: [{ name: "Range", value: "bytes=0-1,2-3" }],
    allowed: "Range",
  },
];

/** Scenarios about request headers and `Access-Control-Allow-Headers`. */
export const PREFLIGHT_HEADER_SCENARIOS: readonly Scenario[] =
  HEADER_CASES.map(headerScenario);
