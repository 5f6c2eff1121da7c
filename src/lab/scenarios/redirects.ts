import type {
  HeaderTemplate,
  RequestContext,
  Scenario,
  ScenarioResponse,
} from "../scenario";
import {
  ALLOWED_RESPONSE,
  ALLOW_REQUEST_ORIGIN,
  PREFLIGHTED_PUT,
  SIMPLE_GET,
  allowOrigin,
  jsonResponse,
  preflightAllowingPut,
  redirecting,
  stepUrl,
} from "./common";

/** Returns a redirect response to `location`, with these header lines before it. */
function redirectTo(
  status: number,
  location: string,
  headers: readonly HeaderTemplate[] = ALLOW_REQUEST_ORIGIN,
): ScenarioResponse {
  return {
    status,
    headers: [...headers, { name: "Location", value: location }],
  };
}

/** Returns a response function that redirects to the scenario's `next` hop on the API origin and allows the origin. */
function redirectToNext(id: string) {
  return (context: RequestContext): ScenarioResponse =>
    redirectTo(302, stepUrl(context.apiOrigin, id, "next"));
}

/** Returns a response function that redirects to the scenario's `next` hop on `localhost`, a third origin. */
function redirectToLocalhost(id: string) {
  return (context: RequestContext): ScenarioResponse =>
    redirectTo(302, stepUrl(context.localhostApiOrigin, id, "next"));
}

/** Returns the same URL with `lab:secret@` before the host. */
function withUserInfo(url: string): string {
  const parsed = new URL(url);
  parsed.username = "lab";
  parsed.password = "secret";
  return parsed.href;
}

/** Scenarios about redirects of the actual request. */
export const REDIRECT_SCENARIOS: readonly Scenario[] = [
  {
    id: "redirect-allowed-on-every-hop",
    title: "Redirect allowed on every hop",
    description:
      "Nothing is wrong: the GET is redirected once, and both responses allow the origin.",
    request: SIMPLE_GET,
    preflight: null,
    actual: redirecting(
      redirectToNext("redirect-allowed-on-every-hop"),
      ALLOWED_RESPONSE,
    ),
  },
  {
    id: "redirect-hop-without-allow-origin",
    title: "Redirect without Access-Control-Allow-Origin",
    description:
      "The 302 has no Access-Control-Allow-Origin, and every redirect of a CORS request must allow the origin.",
    request: SIMPLE_GET,
    preflight: null,
    actual: redirecting(
      (context) =>
        redirectTo(
          302,
          stepUrl(
            context.apiOrigin,
            "redirect-hop-without-allow-origin",
            "next",
          ),
          [],
        ),
      ALLOWED_RESPONSE,
    ),
  },
  {
    id: "redirect-target-without-allow-origin",
    title: "Redirect target without Access-Control-Allow-Origin",
    description:
      "The 302 allows the origin, but the response it leads to has no Access-Control-Allow-Origin.",
    request: SIMPLE_GET,
    preflight: null,
    actual: redirecting(
      redirectToNext("redirect-target-without-allow-origin"),
      jsonResponse(200, []),
    ),
  },
  {
    id: "redirect-two-hops",
    title: "Two redirects allowed",
    description:
      "Nothing is wrong: the GET is redirected twice, and every response allows the origin.",
    request: SIMPLE_GET,
    preflight: null,
    actual: (context) => {
      const id = "redirect-two-hops";
      if (context.step === "") {
        return redirectTo(302, stepUrl(context.apiOrigin, id, "one"));
      }
      if (context.step === "one") {
        return redirectTo(307, stepUrl(context.apiOrigin, id, "two"));
      }
      return ALLOWED_RESPONSE;
    },
  },
  {
    id: "redirect-cross-origin-allow-null",
    title: "Cross-origin redirect, null allowed",
    description:
      "Nothing is wrong: after a redirect to a third origin the browser sends Origin: null, and the target allows null.",
    request: SIMPLE_GET,
    preflight: null,
    actual: redirecting(
      redirectToLocalhost("redirect-cross-origin-allow-null"),
      jsonResponse(200, [allowOrigin("null")]),
    ),
  },
  {
    id: "redirect-cross-origin-allow-page-origin",
    title: "Cross-origin redirect, page origin allowed",
    description:
      "After a redirect to a third origin the browser sends Origin: null, but the target allows only the page's origin.",
    request: SIMPLE_GET,
    preflight: null,
    actual: redirecting(
      redirectToLocalhost("redirect-cross-origin-allow-page-origin"),
      (context) => jsonResponse(200, [allowOrigin(context.pageOrigin)]),
    ),
  },
  {
    id: "redirect-cross-origin-wildcard",
    title: "Cross-origin redirect, wildcard allowed",
    description:
      "Nothing is wrong: after a redirect to a third origin the target allows *, which matches Origin: null.",
    request: SIMPLE_GET,
    preflight: null,
    actual: redirecting(
      redirectToLocalhost("redirect-cross-origin-wildcard"),
      jsonResponse(200, [allowOrigin("*")]),
    ),
  },
  {
    id: "redirect-credentials-in-location",
    title: "Redirect to a URL with credentials",
    description:
      "The 302 points to a URL with a user name and password, which a CORS request must not follow.",
    request: SIMPLE_GET,
    preflight: null,
    actual: redirecting(
      (context) =>
        redirectTo(
          302,
          withUserInfo(
            stepUrl(
              context.apiOrigin,
              "redirect-credentials-in-location",
              "next",
            ),
          ),
        ),
      ALLOWED_RESPONSE,
    ),
  },
  {
    id: "redirect-post-303-to-get",
    title: "POST redirected with 303",
    description:
      "Nothing is wrong: the plain-text POST is answered 303, and the GET it becomes is allowed.",
    request: {
      method: "POST",
      headers: [{ name: "Content-Type", value: "text/plain" }],
      credentials: "same-origin",
      body: "hello",
    },
    preflight: null,
    actual: redirecting(
      (context) =>
        redirectTo(
          303,
          stepUrl(context.apiOrigin, "redirect-post-303-to-get", "next"),
        ),
      ALLOWED_RESPONSE,
    ),
  },
  {
    id: "redirect-preflighted-307",
    title: "Preflighted PUT redirected with 307",
    description:
      "Nothing is wrong: the PUT is redirected with 307, and the new preflight and the target both allow it.",
    request: PREFLIGHTED_PUT,
    preflight: preflightAllowingPut(),
    actual: redirecting(
      (context) =>
        redirectTo(
          307,
          stepUrl(context.apiOrigin, "redirect-preflighted-307", "next"),
        ),
      ALLOWED_RESPONSE,
    ),
  },
  {
    id: "redirect-preflighted-307-new-preflight-fails",
    title: "New preflight after a 307 fails",
    description:
      "The PUT is redirected with 307 to a URL whose preflight has no Access-Control-Allow-Origin.",
    request: PREFLIGHTED_PUT,
    preflight: redirecting(() => preflightAllowingPut(), {
      status: 204,
      headers: [],
    }),
    actual: redirecting(
      (context) =>
        redirectTo(
          307,
          stepUrl(
            context.apiOrigin,
            "redirect-preflighted-307-new-preflight-fails",
            "next",
          ),
        ),
      ALLOWED_RESPONSE,
    ),
  },
];
