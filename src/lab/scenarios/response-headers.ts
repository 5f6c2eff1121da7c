import type { HeaderTemplate, Scenario } from "../scenario";
import {
  ALLOW_CREDENTIALS,
  ALLOW_REQUEST_ORIGIN,
  CREDENTIALED_GET,
  SIMPLE_GET,
  jsonResponse,
} from "./common";

const TOTAL_COUNT: HeaderTemplate = { name: "X-Total-Count", value: "3" };

function exposeHeaders(value: string): HeaderTemplate {
  return { name: "Access-Control-Expose-Headers", value };
}

/**
 * Scenarios about which response headers the page can read. Every request
 * passes; the page reads one header with `headers.get()`, which returns null
 * for a header that is not exposed, without any console error.
 */
export const RESPONSE_HEADER_SCENARIOS: readonly Scenario[] = [
  {
    id: "response-header-exposed",
    title: "Custom response header exposed",
    description:
      "Nothing is wrong: Access-Control-Expose-Headers lists X-Total-Count, so the page can read it.",
    request: { ...SIMPLE_GET, readHeader: "X-Total-Count" },
    preflight: null,
    actual: jsonResponse(200, [
      ...ALLOW_REQUEST_ORIGIN,
      TOTAL_COUNT,
      exposeHeaders("X-Total-Count"),
    ]),
  },
  {
    id: "response-header-not-exposed",
    title: "Custom response header not exposed",
    description:
      "The page reads X-Total-Count, which is not in Access-Control-Expose-Headers, so headers.get() returns null.",
    request: { ...SIMPLE_GET, readHeader: "X-Total-Count" },
    preflight: null,
    actual: jsonResponse(200, [...ALLOW_REQUEST_ORIGIN, TOTAL_COUNT]),
  },
  {
    id: "response-header-safelisted",
    title: "Safelisted response header",
    description:
      "Nothing is wrong: Content-Language is readable without Access-Control-Expose-Headers.",
    request: { ...SIMPLE_GET, readHeader: "Content-Language" },
    preflight: null,
    actual: jsonResponse(200, [
      ...ALLOW_REQUEST_ORIGIN,
      { name: "Content-Language", value: "en" },
    ]),
  },
  {
    id: "response-header-expose-wildcard",
    title: "All response headers exposed",
    description:
      "Nothing is wrong: Access-Control-Expose-Headers is * and the request sends no credentials.",
    request: { ...SIMPLE_GET, readHeader: "X-Total-Count" },
    preflight: null,
    actual: jsonResponse(200, [
      ...ALLOW_REQUEST_ORIGIN,
      TOTAL_COUNT,
      exposeHeaders("*"),
    ]),
  },
  {
    id: "response-header-expose-wildcard-with-credentials",
    title: "Wildcard expose list with credentials",
    description:
      "Access-Control-Expose-Headers is *, which exposes only a header named * when the request sends cookies.",
    request: { ...CREDENTIALED_GET, readHeader: "X-Total-Count" },
    preflight: null,
    actual: jsonResponse(200, [
      ...ALLOW_REQUEST_ORIGIN,
      ALLOW_CREDENTIALS,
      TOTAL_COUNT,
      exposeHeaders("*"),
    ]),
  },
];
