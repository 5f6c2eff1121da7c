import type { Scenario } from "../scenario";
import { echoOrigin } from "../scenario";
import {
  ALLOW_CREDENTIALS,
  ALLOW_REQUEST_ORIGIN,
  CREDENTIALED_GET,
  PREFLIGHTED_PUT,
  SIMPLE_GET,
  allowHeaders,
  allowMethods,
  allowOrigin,
  jsonResponse,
  preflightAllowingPut,
} from "./common";

const CREDENTIALED_PUT = {
  ...PREFLIGHTED_PUT,
  credentials: "include",
} as const;

/** The actual response a credentialed request needs: the origin and `true`. */
const ALLOWED_WITH_CREDENTIALS = jsonResponse(200, [
  ...ALLOW_REQUEST_ORIGIN,
  ALLOW_CREDENTIALS,
]);

/** Scenarios about requests that send the lab's cookie. */
export const CREDENTIALS_SCENARIOS: readonly Scenario[] = [
  {
    id: "credentials-wildcard-without-allow-credentials",
    title: "Wildcard origin on a credentialed request",
    description:
      "The response allows the origin * without Access-Control-Allow-Credentials, and the request sends cookies.",
    request: CREDENTIALED_GET,
    preflight: null,
    actual: jsonResponse(200, [allowOrigin("*")]),
  },
  {
    id: "credentials-allowed",
    title: "Credentialed request allowed",
    description:
      "Nothing is wrong: the response reflects the origin and sends Access-Control-Allow-Credentials: true.",
    request: CREDENTIALED_GET,
    preflight: null,
    actual: ALLOWED_WITH_CREDENTIALS,
  },
  {
    id: "credentials-allow-credentials-upper-case",
    title: "Access-Control-Allow-Credentials in upper case",
    description:
      "Access-Control-Allow-Credentials is TRUE, but only the exact value true allows credentials.",
    request: CREDENTIALED_GET,
    preflight: null,
    actual: jsonResponse(200, [
      ...ALLOW_REQUEST_ORIGIN,
      { name: "Access-Control-Allow-Credentials", value: "TRUE" },
    ]),
  },
  {
    id: "credentials-allow-credentials-missing",
    title: "No Access-Control-Allow-Credentials",
    description:
      "The request sends cookies and the response allows the origin, but has no Access-Control-Allow-Credentials.",
    request: CREDENTIALED_GET,
    preflight: null,
    actual: jsonResponse(200, ALLOW_REQUEST_ORIGIN),
  },
  {
    id: "credentials-allow-credentials-false",
    title: "Access-Control-Allow-Credentials false",
    description:
      "Access-Control-Allow-Credentials is false on a request that sends cookies.",
    request: CREDENTIALED_GET,
    preflight: null,
    actual: jsonResponse(200, [
      ...ALLOW_REQUEST_ORIGIN,
      { name: "Access-Control-Allow-Credentials", value: "false" },
    ]),
  },
  {
    id: "credentials-not-sent-wildcard",
    title: "Wildcard origin and allow-credentials without credentials",
    description:
      "Nothing is wrong for this request: it sends no credentials, so * and Access-Control-Allow-Credentials do not conflict.",
    request: { ...SIMPLE_GET, credentials: "omit" },
    preflight: null,
    actual: jsonResponse(200, [allowOrigin("*"), ALLOW_CREDENTIALS]),
  },
  {
    id: "credentials-not-sent-upper-case",
    title: "Access-Control-Allow-Credentials TRUE without credentials",
    description:
      "Nothing is wrong for this request: it sends no credentials, so the invalid TRUE is not checked.",
    request: SIMPLE_GET,
    preflight: null,
    actual: jsonResponse(200, [
      ...ALLOW_REQUEST_ORIGIN,
      { name: "Access-Control-Allow-Credentials", value: "TRUE" },
    ]),
  },
  {
    id: "credentials-preflight-allow-credentials-missing",
    title: "No Access-Control-Allow-Credentials on the preflight",
    description:
      "The actual response allows credentials, but the preflight of the credentialed PUT has no Access-Control-Allow-Credentials.",
    request: CREDENTIALED_PUT,
    preflight: preflightAllowingPut(),
    actual: ALLOWED_WITH_CREDENTIALS,
  },
  {
    id: "credentials-preflight-wildcard",
    title: "Wildcard origin on the preflight of a credentialed request",
    description:
      "The preflight of the credentialed PUT allows the origin *, which credentials rule out.",
    request: CREDENTIALED_PUT,
    preflight: {
      status: 204,
      headers: [
        allowOrigin("*"),
        ALLOW_CREDENTIALS,
        allowMethods("PUT"),
        allowHeaders("X-Lab"),
      ],
    },
    actual: ALLOWED_WITH_CREDENTIALS,
  },
  {
    id: "credentials-preflighted-allowed",
    title: "Credentialed PUT allowed",
    description:
      "Nothing is wrong: the preflight and the response both reflect the origin and allow credentials.",
    request: CREDENTIALED_PUT,
    preflight: preflightAllowingPut([ALLOW_CREDENTIALS]),
    actual: jsonResponse(200, [allowOrigin(echoOrigin), ALLOW_CREDENTIALS]),
  },
];
