import type { FetchCredentials, Scenario } from "../scenario";
import {
  ALLOWED_RESPONSE,
  ALLOW_CREDENTIALS,
  ALLOW_REQUEST_ORIGIN,
  allowMethods,
  jsonResponse,
} from "./common";

interface MethodCase {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The method the page passes to `fetch`, in the case it is written. */
  readonly method: string;
  /** The preflight's `Access-Control-Allow-Methods`, or null to leave it out. */
  readonly allowed: string | null;
  readonly credentials?: FetchCredentials;
}

/**
 * A request with a non-safelisted method and no other reason for a preflight,
 * whose preflight allows the origin and sends `allowed` as its methods.
 */
function methodScenario(methodCase: MethodCase): Scenario {
  const credentials = methodCase.credentials ?? "same-origin";
  const withCredentials = credentials === "include" ? [ALLOW_CREDENTIALS] : [];
  const allowed =
    methodCase.allowed === null ? [] : [allowMethods(methodCase.allowed)];
  return {
    id: methodCase.id,
    title: methodCase.title,
    description: methodCase.description,
    request: { method: methodCase.method, headers: [], credentials },
    preflight: {
      status: 204,
      headers: [...ALLOW_REQUEST_ORIGIN, ...withCredentials, ...allowed],
    },
    actual:
      credentials === "include"
        ? jsonResponse(200, [...ALLOW_REQUEST_ORIGIN, ALLOW_CREDENTIALS])
        : ALLOWED_RESPONSE,
  };
}

const METHOD_CASES: readonly MethodCase[] = [
  {
    id: "method-delete-allowed",
    title: "DELETE allowed",
    description: "Nothing is wrong: the preflight lists DELETE.",
    method: "DELETE",
    allowed: "DELETE",
  },
  {
    id: "method-not-allowed",
    title: "DELETE not allowed",
    description:
      "The request uses DELETE, but Access-Control-Allow-Methods lists only GET and PUT.",
    method: "DELETE",
    allowed: "GET, PUT",
  },
  {
    id: "method-allow-methods-missing",
    title: "No Access-Control-Allow-Methods",
    description:
      "The request uses PUT, but the preflight has no Access-Control-Allow-Methods.",
    method: "PUT",
    allowed: null,
  },
  {
    id: "method-patch-allowed",
    title: "PATCH allowed",
    description:
      "Nothing is wrong: the page sends PATCH and the preflight lists PATCH.",
    method: "PATCH",
    allowed: "PATCH",
  },
  {
    id: "method-patch-lower-case-request",
    title: "Lower-case patch requested",
    description:
      "The page sends patch, which fetch does not upper-case, and Access-Control-Allow-Methods lists only PATCH.",
    method: "patch",
    allowed: "PATCH",
  },
  {
    id: "method-put-lower-case-request",
    title: "Lower-case put requested",
    description:
      "Nothing is wrong: the page sends put, which fetch upper-cases to PUT, and the preflight lists PUT.",
    method: "put",
    allowed: "PUT",
  },
  {
    id: "method-put-lower-case-allowed",
    title: "Lower-case put allowed",
    description:
      "The page sends PUT, but Access-Control-Allow-Methods lists put, and methods are compared case-sensitively.",
    method: "PUT",
    allowed: "put",
  },
  {
    id: "method-custom-allowed",
    title: "Custom method allowed",
    description:
      "Nothing is wrong: the page sends PURGE and the preflight lists it.",
    method: "PURGE",
    allowed: "PURGE",
  },
  {
    id: "method-custom-not-allowed",
    title: "Custom method not allowed",
    description:
      "The page sends PURGE, but Access-Control-Allow-Methods lists only the common methods.",
    method: "PURGE",
    allowed: "GET, POST, PUT, DELETE",
  },
  {
    id: "method-wildcard",
    title: "Wildcard methods without credentials",
    description:
      "Nothing is wrong: Access-Control-Allow-Methods is * and the request sends no credentials.",
    method: "DELETE",
    allowed: "*",
  },
  {
    id: "method-wildcard-with-credentials",
    title: "Wildcard methods with credentials",
    description:
      "Access-Control-Allow-Methods is *, which means the method named * when the request sends cookies.",
    method: "DELETE",
    allowed: "*",
    credentials: "include",
  },
  {
    id: "method-allow-methods-unparseable",
    title: "Unparseable Access-Control-Allow-Methods",
    description:
      "Access-Control-Allow-Methods is GET;DELETE, which is not a comma-separated list of methods.",
    method: "DELETE",
    allowed: "GET;DELETE",
  },
  {
    id: "method-allow-methods-spaces",
    title: "Methods list with extra spaces",
    description:
      "Nothing is wrong: spaces around the commas of Access-Control-Allow-Methods are allowed.",
    method: "DELETE",
    allowed: "GET ,  DELETE ",
  },
];

/** Scenarios about `Access-Control-Allow-Methods`. */
export const PREFLIGHT_METHOD_SCENARIOS: readonly Scenario[] =
  METHOD_CASES.map(methodScenario);
