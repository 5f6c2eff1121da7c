import type {
  HeaderTemplate,
  HeaderValueFunction,
  RequestContext,
  ResponseSource,
  ScenarioRequest,
  ScenarioResponse,
} from "../scenario";
import { echoOrigin } from "../scenario";
import { scenarioPath } from "../scenario-listing";

/** Header lines and requests that many scenarios share. */

export const JSON_CONTENT_TYPE: HeaderTemplate = {
  name: "Content-Type",
  value: "application/json",
};

export const JSON_REQUEST_BODY = '{"name":"demo"}';

const JSON_RESPONSE_BODY = '{"ok":true}';

/** A custom request header, which makes a request need a preflight. */
export const LAB_HEADER = { name: "X-Lab", value: "1" } as const;

export function allowOrigin(
  value: string | HeaderValueFunction,
): HeaderTemplate {
  return { name: "Access-Control-Allow-Origin", value };
}

/** Reflects the request's origin, with the `Vary` a shared cache needs. */
export const ALLOW_REQUEST_ORIGIN: readonly HeaderTemplate[] = [
  allowOrigin(echoOrigin),
  { name: "Vary", value: "Origin" },
];

export const ALLOW_CREDENTIALS: HeaderTemplate = {
  name: "Access-Control-Allow-Credentials",
  value: "true",
};

export function allowMethods(value: string): HeaderTemplate {
  return { name: "Access-Control-Allow-Methods", value };
}

export function allowHeaders(value: string): HeaderTemplate {
  return { name: "Access-Control-Allow-Headers", value };
}

/** A GET with no headers and the default credentials mode: no preflight. */
export const SIMPLE_GET: ScenarioRequest = {
  method: "GET",
  headers: [],
  credentials: "same-origin",
};

/** A GET that sends the lab's cookie. */
export const CREDENTIALED_GET: ScenarioRequest = {
  ...SIMPLE_GET,
  credentials: "include",
};

/** A PUT with the custom `X-Lab` header, which needs a preflight. */
export const PREFLIGHTED_PUT: ScenarioRequest = {
  method: "PUT",
  headers: [LAB_HEADER],
  credentials: "same-origin",
};

/** A JSON response with these header lines before its `Content-Type`. */
export function jsonResponse(
  status: number,
  headers: readonly HeaderTemplate[],
): ScenarioResponse {
  return {
    status,
    headers: [...headers, JSON_CONTENT_TYPE],
    body: JSON_RESPONSE_BODY,
  };
}

/** A 200 JSON response that allows the request's origin. */
export const ALLOWED_RESPONSE = jsonResponse(200, ALLOW_REQUEST_ORIGIN);

/** A 204 preflight response that allows the origin, `PUT` and `X-Lab`. */
export function preflightAllowingPut(
  extraHeaders: readonly HeaderTemplate[] = [],
): ScenarioResponse {
  return {
    status: 204,
    headers: [
      ...ALLOW_REQUEST_ORIGIN,
      allowMethods("PUT"),
      allowHeaders("X-Lab"),
      ...extraHeaders,
    ],
  };
}

/** Returns the URL of a later hop of scenario `id` on `origin`. */
export function stepUrl(origin: string, id: string, step: string): string {
  return `${origin}${scenarioPath(id)}/${step}`;
}

/**
 * Answers the scenario's own URL with a redirect built by `redirect`, and every
 * later hop with `target`.
 */
export function redirecting(
  redirect: (context: RequestContext) => ScenarioResponse,
  target: ResponseSource,
): ResponseSource {
  return (context) => {
    if (context.step === "") return redirect(context);
    return typeof target === "function" ? target(context) : target;
  };
}
