import type { Scenario } from "../scenario";
import {
  ALLOW_REQUEST_ORIGIN,
  JSON_CONTENT_TYPE,
  JSON_REQUEST_BODY,
} from "./common";

/**
 * The four most common CORS failures and one request that passes, which the
 * README and the first end-to-end tests use.
 */
export const DEMO_SCENARIOS: readonly Scenario[] = [
  {
    id: "headers-only-on-preflight",
    title: "CORS headers only on the preflight",
    description:
      "The preflight allows the PUT, but the PUT response has no Access-Control-Allow-Origin.",
    request: {
      method: "PUT",
      headers: [{ name: "Content-Type", value: "application/json" }],
      credentials: "same-origin",
      body: JSON_REQUEST_BODY,
    },
    preflight: {
      status: 204,
      headers: [
        ...ALLOW_REQUEST_ORIGIN,
        { name: "Access-Control-Allow-Methods", value: "PUT" },
        { name: "Access-Control-Allow-Headers", value: "Content-Type" },
      ],
    },
    actual: {
      status: 200,
      headers: [JSON_CONTENT_TYPE],
      body: '{"saved":true}',
    },
  },
  {
    id: "error-without-cors-headers",
    title: "Error response without CORS headers",
    description:
      "The POST fails with a 500 that has no Access-Control-Allow-Origin, so the page sees a CORS error instead of the status.",
    request: {
      method: "POST",
      headers: [{ name: "Content-Type", value: "application/json" }],
      credentials: "same-origin",
      body: JSON_REQUEST_BODY,
    },
    preflight: {
      status: 204,
      headers: [
        ...ALLOW_REQUEST_ORIGIN,
        { name: "Access-Control-Allow-Methods", value: "POST" },
        { name: "Access-Control-Allow-Headers", value: "Content-Type" },
      ],
    },
    actual: {
      status: 500,
      headers: [JSON_CONTENT_TYPE],
      body: '{"error":"internal server error"}',
    },
  },
  {
    id: "wildcard-with-credentials",
    title: "Wildcard origin on a request with credentials",
    description:
      "The response allows the origin `*`, which browsers reject when the request includes credentials.",
    request: {
      method: "GET",
      headers: [],
      credentials: "include",
    },
    preflight: null,
    actual: {
      status: 200,
      headers: [
        { name: "Access-Control-Allow-Origin", value: "*" },
        { name: "Access-Control-Allow-Credentials", value: "true" },
        JSON_CONTENT_TYPE,
      ],
      body: '{"user":"demo"}',
    },
  },
  {
    id: "authorization-not-allowed",
    title: "Authorization header not allowed",
    description:
      "The request sends Authorization, but the preflight's Access-Control-Allow-Headers lists only Content-Type.",
    request: {
      method: "GET",
      headers: [{ name: "Authorization", value: "Bearer demo-token" }],
      credentials: "same-origin",
    },
    preflight: {
      status: 204,
      headers: [
        ...ALLOW_REQUEST_ORIGIN,
        { name: "Access-Control-Allow-Headers", value: "Content-Type" },
      ],
    },
    actual: {
      status: 200,
      headers: [...ALLOW_REQUEST_ORIGIN, JSON_CONTENT_TYPE],
      body: '{"user":"demo"}',
    },
  },
  {
    id: "passing-put",
    title: "PUT that passes",
    description:
      "Nothing is wrong: the preflight allows the method and both headers, and the response allows the origin.",
    request: {
      method: "PUT",
      headers: [
        { name: "Content-Type", value: "application/json" },
        { name: "X-Request-Id", value: "lab-1" },
      ],
      credentials: "same-origin",
      body: JSON_REQUEST_BODY,
    },
    preflight: {
      status: 204,
      headers: [
        ...ALLOW_REQUEST_ORIGIN,
        { name: "Access-Control-Allow-Methods", value: "PUT" },
        {
          name: "Access-Control-Allow-Headers",
          value: "Content-Type, X-Request-Id",
        },
      ],
    },
    actual: {
      status: 200,
      headers: [...ALLOW_REQUEST_ORIGIN, JSON_CONTENT_TYPE],
      body: '{"saved":true}',
    },
  },
];
