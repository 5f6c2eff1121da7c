import type { Scenario } from "../scenario";
import {
  ALLOWED_RESPONSE,
  ALLOW_REQUEST_ORIGIN,
  PREFLIGHTED_PUT,
  allowHeaders,
  allowMethods,
  preflightAllowingPut,
  redirecting,
  stepUrl,
} from "./common";

/** A preflighted PUT whose preflight is answered with `status`, CORS headers included. */
function preflightAnswered(
  status: number,
  description: string,
  title = `Preflight answered ${status}`,
): Scenario {
  return {
    id: `preflight-status-${status}`,
    title,
    description,
    request: PREFLIGHTED_PUT,
    preflight: { ...preflightAllowingPut(), status },
    actual: ALLOWED_RESPONSE,
  };
}

/**
 * A preflighted PUT whose preflight redirects to a later hop that would allow
 * it. Every hop sends the CORS headers, so only the redirect is wrong.
 */
function preflightRedirected(status: number): Scenario {
  const id = `preflight-redirect-${status}`;
  return {
    id,
    title: `Preflight redirected with ${status}`,
    description: `The preflight is answered with a ${status} redirect, and browsers never follow a preflight's redirect.`,
    request: PREFLIGHTED_PUT,
    preflight: redirecting(
      (context) => ({
        status,
        headers: [
          ...preflightAllowingPut().headers,
          { name: "Location", value: stepUrl(context.apiOrigin, id, "next") },
        ],
      }),
      preflightAllowingPut(),
    ),
    actual: ALLOWED_RESPONSE,
  };
}

/** Scenarios about the status of the preflight response. */
export const PREFLIGHT_STATUS_SCENARIOS: readonly Scenario[] = [
  preflightAnswered(
    204,
    "Nothing is wrong: the preflight is answered 204 with every header the PUT needs.",
  ),
  preflightAnswered(
    200,
    "Nothing is wrong: the preflight is answered 200 with every header the PUT needs.",
  ),
  preflightRedirected(301),
  preflightRedirected(302),
  preflightRedirected(307),
  preflightAnswered(
    400,
    "The preflight is answered 400 although it carries the CORS headers, and only a 2xx preflight passes.",
  ),
  preflightAnswered(
    401,
    "The preflight is answered 401 because the server wants credentials on OPTIONS, which preflights never send.",
    "Preflight answered 401 with CORS headers",
  ),
  {
    id: "preflight-status-401-without-allow-origin",
    title: "Preflight answered 401 without CORS headers",
    description:
      "The preflight is answered 401 without Access-Control-Allow-Origin, as an authentication layer in front of the API does.",
    request: PREFLIGHTED_PUT,
    preflight: {
      status: 401,
      headers: [{ name: "WWW-Authenticate", value: 'Bearer realm="lab"' }],
    },
    actual: ALLOWED_RESPONSE,
  },
  preflightAnswered(
    403,
    "The preflight is answered 403 although it carries the CORS headers.",
  ),
  preflightAnswered(
    404,
    "The preflight is answered 404 because the server has no OPTIONS route.",
  ),
  preflightAnswered(
    500,
    "The preflight is answered 500 although it carries the CORS headers.",
  ),
  {
    id: "preflight-status-405-without-cors-headers",
    title: "Preflight rejected with 405",
    description:
      "The server rejects OPTIONS with 405 and no CORS headers, as servers without CORS support do.",
    request: PREFLIGHTED_PUT,
    preflight: {
      status: 405,
      headers: [{ name: "Allow", value: "GET, PUT" }],
    },
    actual: {
      status: 200,
      headers: [
        ...ALLOW_REQUEST_ORIGIN,
        allowMethods("PUT"),
        allowHeaders("X-Lab"),
      ],
    },
  },
];
