import type { HeaderTemplate, Scenario, ScenarioResponse } from "../scenario";
import {
  ALLOWED_RESPONSE,
  ALLOW_REQUEST_ORIGIN,
  SIMPLE_GET,
  allowOrigin,
  jsonResponse,
} from "./common";
import { LAB_FONT } from "./lab-font";

const FORM_POST = {
  method: "POST",
  headers: [
    { name: "Content-Type", value: "application/x-www-form-urlencoded" },
  ],
  credentials: "same-origin",
  body: "name=demo",
} as const;

/** Returns a one-pixel SVG image response, which needs no binary body. */
function svgImage(headers: readonly HeaderTemplate[]): ScenarioResponse {
  return {
    status: 200,
    headers: [...headers, { name: "Content-Type", value: "image/svg+xml" }],
    body: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
  };
}

function fontFile(headers: readonly HeaderTemplate[]): ScenarioResponse {
  return {
    status: 200,
    headers: [...headers, { name: "Content-Type", value: "font/ttf" }],
    body: LAB_FONT,
  };
}

function moduleScript(headers: readonly HeaderTemplate[]): ScenarioResponse {
  return {
    status: 200,
    headers: [
      ...headers,
      { name: "Content-Type", value: "text/javascript; charset=utf-8" },
    ],
    body: "export const loaded = true;\n",
  };
}

/** Scenarios with no preflight: simple requests, `no-cors` and element loads. */
export const SIMPLE_REQUEST_SCENARIOS: readonly Scenario[] = [
  {
    id: "simple-post-form",
    title: "Form POST allowed",
    description:
      "Nothing is wrong: a form-encoded POST needs no preflight and the response allows the origin.",
    request: FORM_POST,
    preflight: null,
    actual: ALLOWED_RESPONSE,
  },
  {
    id: "simple-post-form-without-allow-origin",
    title: "Form POST without Access-Control-Allow-Origin",
    description:
      "The form-encoded POST reaches the server and runs, but the response has no Access-Control-Allow-Origin.",
    request: FORM_POST,
    preflight: null,
    actual: jsonResponse(200, []),
  },
  {
    id: "simple-head",
    title: "HEAD allowed",
    description:
      "Nothing is wrong: HEAD needs no preflight and the response allows the origin.",
    request: { ...SIMPLE_GET, method: "HEAD" },
    preflight: null,
    actual: { status: 200, headers: ALLOW_REQUEST_ORIGIN },
  },
  {
    id: "no-cors-mode",
    title: "no-cors fetch",
    description:
      "The page fetches with mode no-cors, so the browser makes no CORS check and the page gets an opaque, unreadable response.",
    request: { ...SIMPLE_GET, mode: "no-cors" },
    preflight: null,
    actual: jsonResponse(200, []),
  },
  {
    id: "font-without-allow-origin",
    title: "Cross-origin font without Access-Control-Allow-Origin",
    description:
      "An @font-face font from the API origin has no Access-Control-Allow-Origin, and fonts always load in CORS mode.",
    request: { ...SIMPLE_GET, destination: "font" },
    preflight: null,
    actual: fontFile([]),
  },
  {
    id: "font-allowed",
    title: "Cross-origin font allowed",
    description:
      "Nothing is wrong: the @font-face font's response allows the origin.",
    request: { ...SIMPLE_GET, destination: "font" },
    preflight: null,
    actual: fontFile(ALLOW_REQUEST_ORIGIN),
  },
  {
    id: "image-without-allow-origin",
    title: "Image with crossorigin but without Access-Control-Allow-Origin",
    description:
      "The <img crossorigin> loads in CORS mode, but the image response has no Access-Control-Allow-Origin.",
    request: { ...SIMPLE_GET, destination: "image" },
    preflight: null,
    actual: svgImage([]),
  },
  {
    id: "image-allowed",
    title: "Image with crossorigin allowed",
    description:
      "Nothing is wrong: the <img crossorigin> response allows the origin.",
    request: { ...SIMPLE_GET, destination: "image" },
    preflight: null,
    actual: svgImage(ALLOW_REQUEST_ORIGIN),
  },
  {
    id: "image-use-credentials-wildcard",
    title: "Image with use-credentials and wildcard origin",
    description:
      "The <img crossorigin=use-credentials> sends cookies, but the response allows the origin *.",
    request: { ...SIMPLE_GET, credentials: "include", destination: "image" },
    preflight: null,
    actual: svgImage([allowOrigin("*")]),
  },
  {
    id: "module-script-without-allow-origin",
    title: "Module script without Access-Control-Allow-Origin",
    description:
      "A module script from the API origin loads in CORS mode, but its response has no Access-Control-Allow-Origin.",
    request: { ...SIMPLE_GET, destination: "script" },
    preflight: null,
    actual: moduleScript([]),
  },
  {
    id: "module-script-allowed",
    title: "Module script allowed",
    description:
      "Nothing is wrong: the module script's response allows the origin.",
    request: { ...SIMPLE_GET, destination: "script" },
    preflight: null,
    actual: moduleScript(ALLOW_REQUEST_ORIGIN),
  },
];
