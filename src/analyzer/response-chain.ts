import type { Exchange } from "../model/exchange";
import type { CheckedResponse } from "./check-types";
import { preflightRedirectTarget } from "./preflight-checks";
import { ResponseHeaders } from "./response-headers";
import { originOfUrl } from "./url-origin";

/** The responses of an exchange that the browser runs CORS checks on. */
export interface ResponseChain {
  /** The preflight response, or null when none was needed or none arrived. */
  readonly preflight: CheckedResponse | null;
  /** The redirect target of the preflight response, or null when it does not redirect. */
  readonly preflightRedirect: string | null;
  /** The redirect responses of the actual request, in order. */
  readonly redirects: readonly CheckedResponse[];
  /** The final response of the actual request, or null when none arrived. */
  readonly final: CheckedResponse | null;
}

function buildPreflight(
  exchange: Exchange,
  origin: string | null,
): Pick<ResponseChain, "preflight" | "preflightRedirect"> {
  const record = exchange.preflight;
  const none = { preflight: null, preflightRedirect: null };
  if (exchange.preflightSource === "not-needed" || record === null) return none;

  // A preflight stops at its first redirect, so the first hop is its response.
  const hop = record.redirects[0];
  if (hop !== undefined) {
    const preflight: CheckedResponse = {
      role: "preflight",
      position: 0,
      url: hop.url,
      statusCode: hop.statusCode,
      headers: new ResponseHeaders(hop.responseHeaders),
      origin,
    };
    return { preflight, preflightRedirect: hop.redirectUrl };
  }
  if (record.statusCode === null) return none;
  const preflight: CheckedResponse = {
    role: "preflight",
    position: 0,
    url: record.url,
    statusCode: record.statusCode,
    headers: new ResponseHeaders(record.responseHeaders),
    origin,
  };
  return {
    preflight,
    preflightRedirect: preflightRedirectTarget(preflight, null),
  };
}

/**
 * Lists the responses of the exchange with the origin each one is checked against.
 *
 * Fetch "HTTP-redirect fetch" sets the tainted origin flag when a redirect moves to
 * another origin while the current URL is already cross-origin to the request's
 * origin. From then on the browser sends `Origin: null`, and only `null` or `*`
 * match. Responses received before the request first left its own origin are not
 * CORS-checked, because response tainting is still "basic" there.
 */
export function buildResponseChain(
  exchange: Exchange,
  origin: string | null,
): ResponseChain {
  const actual = exchange.actual;
  const redirects: CheckedResponse[] = [];
  let currentUrl = actual.url;
  let tainted = false;
  let crossOrigin = origin === null || originOfUrl(currentUrl) !== origin;

  const checkedOrigin = (): string | null => (tainted ? "null" : origin);

  actual.redirects.forEach((hop, index) => {
    if (crossOrigin) {
      redirects.push({
        role: "redirect",
        position: index + 1,
        url: hop.url,
        statusCode: hop.statusCode,
        headers: new ResponseHeaders(hop.responseHeaders),
        origin: checkedOrigin(),
      });
    }
    const hopOrigin = originOfUrl(hop.url);
    const nextOrigin = originOfUrl(hop.redirectUrl);
    if (hopOrigin !== nextOrigin && hopOrigin !== origin) tainted = true;
    currentUrl = hop.redirectUrl;
    crossOrigin = crossOrigin || originOfUrl(currentUrl) !== origin;
  });

  const final: CheckedResponse | null =
    actual.statusCode === null || !crossOrigin
      ? null
      : {
          role: "actual",
          position: actual.redirects.length + 1,
          url: currentUrl,
          statusCode: actual.statusCode,
          headers: new ResponseHeaders(actual.responseHeaders),
          origin: checkedOrigin(),
        };
  return { ...buildPreflight(exchange, origin), redirects, final };
}
