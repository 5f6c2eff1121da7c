import type { CheckedResponse } from "./check-types";
import type { ResourceKind } from "./resource-kind";
import { blockedEffect } from "./resource-kind";

/** Names the response in a phrase such as "preflight response (OPTIONS ..., status 204)". */
export function responsePhrase(response: CheckedResponse): string {
  const status = `status ${response.statusCode}`;
  switch (response.role) {
    case "preflight":
      return `preflight response (OPTIONS ${response.url}, ${status})`;
    case "redirect":
      return `redirect response from ${response.url} (${status})`;
    case "actual":
      return `response from ${response.url} (${status})`;
  }
}

/** Names the response in a phrase that starts a sentence ("The preflight response ..."). */
export function describeResponse(response: CheckedResponse): string {
  return `The ${responsePhrase(response)}`;
}

export function describeOrigin(origin: string | null): string {
  return origin ?? "the page's origin";
}

/** Says what a failed check of this response prevents. */
export function blockedOutcome(
  response: CheckedResponse,
  resource: ResourceKind,
): string {
  return response.role === "preflight"
    ? "The browser therefore never sends the actual request."
    : blockedEffect(resource);
}

/** Explains a 401 or 403 on a preflight; empty for other statuses. */
export function authenticationHint(statusCode: number): string {
  return statusCode === 401 || statusCode === 403
    ? " Preflights never carry cookies or an Authorization header, so a server that requires authentication on every request rejects them."
    : "";
}

/** Names the likely source of an error response that lacks CORS headers. */
export function errorSourceHint(statusCode: number): string {
  if (statusCode === 413) {
    return " A 413 usually comes from a reverse proxy's request body limit, before the application and its CORS handling see the request.";
  }
  if (statusCode === 502 || statusCode === 503 || statusCode === 504) {
    return ` A ${statusCode} usually comes from a proxy or load balancer whose error page has no CORS headers.`;
  }
  if (statusCode === 404) {
    return " A 404 page often comes from a router, web server or CDN that adds no CORS headers.";
  }
  return "";
}
