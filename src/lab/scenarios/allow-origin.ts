import type { HeaderValueFunction, Scenario } from "../scenario";
import { echoOrigin } from "../scenario";
import {
  ALLOW_REQUEST_ORIGIN,
  PREFLIGHTED_PUT,
  SIMPLE_GET,
  allowHeaders,
  allowMethods,
  allowOrigin,
  jsonResponse,
  preflightAllowingPut,
} from "./common";

/** The page origin with its port left out, such as `http://127.0.0.1`. */
const pageOriginWithoutPort: HeaderValueFunction = (context) => {
  const url = new URL(context.pageOrigin);
  return `${url.protocol}//${url.hostname}`;
};

/**
 * A simple GET whose response carries these `Access-Control-Allow-Origin`
 * values, one header line each, and nothing else wrong.
 */
function simpleGetAllowing(
  id: string,
  title: string,
  description: string,
  values: readonly (string | HeaderValueFunction)[],
  status = 200,
): Scenario {
  return {
    id,
    title,
    description,
    request: SIMPLE_GET,
    preflight: null,
    actual: jsonResponse(status, [
      ...values.map((value) => allowOrigin(value)),
      { name: "Vary", value: "Origin" },
    ]),
  };
}

/** Scenarios about the `Access-Control-Allow-Origin` value of the response. */
export const ALLOW_ORIGIN_SCENARIOS: readonly Scenario[] = [
  simpleGetAllowing(
    "allow-origin-missing",
    "No Access-Control-Allow-Origin on a 200",
    "The GET succeeds with 200, but the response has no Access-Control-Allow-Origin.",
    [],
  ),
  simpleGetAllowing(
    "allow-origin-missing-on-500",
    "No Access-Control-Allow-Origin on a 500",
    "The GET fails with 500 and no Access-Control-Allow-Origin, so the page sees a CORS error instead of the status.",
    [],
    500,
  ),
  simpleGetAllowing(
    "allow-origin-missing-on-401",
    "No Access-Control-Allow-Origin on a 401",
    "The GET is answered 401 without Access-Control-Allow-Origin, so the page cannot read the status.",
    [],
    401,
  ),
  simpleGetAllowing(
    "allow-origin-two-lines",
    "Two Access-Control-Allow-Origin lines",
    "The response sends Access-Control-Allow-Origin twice with the page origin, which browsers join into a list.",
    [echoOrigin, echoOrigin],
  ),
  simpleGetAllowing(
    "allow-origin-two-lines-wildcard",
    "Access-Control-Allow-Origin sent as * and as the origin",
    "The response sends one Access-Control-Allow-Origin line with * and another with the page origin.",
    ["*", echoOrigin],
  ),
  simpleGetAllowing(
    "allow-origin-comma-list",
    "Comma-separated list of origins",
    "Access-Control-Allow-Origin lists two origins separated by a comma, but it must be a single origin.",
    [(context) => `${context.pageOrigin}, ${context.localhostApiOrigin}`],
  ),
  simpleGetAllowing(
    "allow-origin-space-list",
    "Space-separated list of origins",
    "Access-Control-Allow-Origin lists two origins separated by a space, but it must be a single origin.",
    [(context) => `${context.pageOrigin} ${context.localhostApiOrigin}`],
  ),
  simpleGetAllowing(
    "allow-origin-empty",
    "Empty Access-Control-Allow-Origin",
    "Access-Control-Allow-Origin is present but empty.",
    [""],
  ),
  simpleGetAllowing(
    "allow-origin-no-scheme",
    "Origin without its scheme",
    "Access-Control-Allow-Origin is the page's host and port without http://, which is not an origin.",
    [(context) => new URL(context.pageOrigin).host],
  ),
  simpleGetAllowing(
    "allow-origin-other-host",
    "Another host allowed",
    "Access-Control-Allow-Origin names localhost, but the page's origin is on 127.0.0.1.",
    [(context) => context.pageOrigin.replace("127.0.0.1", "localhost")],
  ),
  simpleGetAllowing(
    "allow-origin-trailing-slash",
    "Origin with a trailing slash",
    "Access-Control-Allow-Origin is the page origin followed by /, which does not match the origin.",
    [(context) => `${context.pageOrigin}/`],
  ),
  simpleGetAllowing(
    "allow-origin-upper-case",
    "Origin in upper case",
    "Access-Control-Allow-Origin spells the page origin's scheme in upper case.",
    [(context) => context.pageOrigin.replace("http://", "HTTP://")],
  ),
  simpleGetAllowing(
    "allow-origin-other-port",
    "Origin with another port",
    "Access-Control-Allow-Origin names the API's own port instead of the page's port.",
    [(context) => context.apiOrigin],
  ),
  simpleGetAllowing(
    "allow-origin-wrong-scheme",
    "Origin with https instead of http",
    "Access-Control-Allow-Origin names https:// with the page's host and port, but the page uses http://.",
    [(context) => context.pageOrigin.replace("http://", "https://")],
  ),
  simpleGetAllowing(
    "allow-origin-missing-port",
    "Origin without its port",
    "Access-Control-Allow-Origin leaves out the page's port, so it names another origin.",
    [pageOriginWithoutPort],
  ),
  simpleGetAllowing(
    "allow-origin-null",
    "Origin null allowed",
    "Access-Control-Allow-Origin is null, which only matches sandboxed and opaque origins.",
    ["null"],
  ),
  simpleGetAllowing(
    "allow-origin-wildcard",
    "Wildcard origin without credentials",
    "Nothing is wrong: Access-Control-Allow-Origin is * and the request sends no credentials.",
    ["*"],
  ),
  simpleGetAllowing(
    "allow-origin-echo",
    "Origin reflected",
    "Nothing is wrong: Access-Control-Allow-Origin reflects the page origin.",
    [echoOrigin],
  ),
  {
    id: "allow-origin-echo-without-vary",
    title: "Origin reflected without Vary",
    description:
      "The response reflects the origin without Vary: Origin, so a shared cache could serve it to another origin.",
    request: SIMPLE_GET,
    preflight: null,
    actual: jsonResponse(200, [allowOrigin(echoOrigin)]),
  },
  {
    id: "allow-origin-preflight-missing",
    title: "No Access-Control-Allow-Origin on the preflight",
    description:
      "The preflight allows the method and header but has no Access-Control-Allow-Origin.",
    request: PREFLIGHTED_PUT,
    preflight: {
      status: 204,
      headers: [allowMethods("PUT"), allowHeaders("X-Lab")],
    },
    actual: jsonResponse(200, ALLOW_REQUEST_ORIGIN),
  },
  {
    id: "allow-origin-preflight-mismatch",
    title: "Another origin allowed by the preflight",
    description:
      "The preflight's Access-Control-Allow-Origin names the API's origin instead of the page's.",
    request: PREFLIGHTED_PUT,
    preflight: {
      status: 204,
      headers: [
        allowOrigin((context) => context.apiOrigin),
        allowMethods("PUT"),
        allowHeaders("X-Lab"),
      ],
    },
    actual: jsonResponse(200, ALLOW_REQUEST_ORIGIN),
  },
  {
    id: "allow-origin-preflight-two-lines",
    title: "Two Access-Control-Allow-Origin lines on the preflight",
    description:
      "The preflight sends Access-Control-Allow-Origin twice, which browsers join into a list.",
    request: PREFLIGHTED_PUT,
    preflight: preflightAllowingPut([allowOrigin(echoOrigin)]),
    actual: jsonResponse(200, ALLOW_REQUEST_ORIGIN),
  },
];
