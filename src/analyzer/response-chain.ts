import type { Exchange } from "../model/exchange";
import type { RequestRecord } from "../model/request-record";
import type { CheckedResponse } from "./check-types";
import { HeaderIndex } from "./header-index";
import { preflightRedirectTarget } from "./preflight-checks";
import { originOfUrl } from "./url-origin";

/** One redirect response of the actual request and where it pointed. */
export interface RedirectStep {
  readonly response: CheckedResponse;
  /**
   * True when the browser runs the CORS check on this response: the request had
   * left the page's origin before it (the Fetch "CORS flag").
   */
  readonly corsChecked: boolean;
  /** The URL the response redirected to. */
  readonly location: string;
  /** True when `location` has another origin than the response's URL. */
  readonly changesOrigin: boolean;
  /** True when an earlier redirect had already tainted the request's origin. */
  readonly taintedBefore: boolean;
  /** False for a redirect the browser stopped at instead of following. */
  readonly followed: boolean;
}

/** The responses of an exchange that the browser runs CORS checks on. */
export interface ResponseChain {
  /** The preflight response, or null when none was needed or none arrived. */
  readonly preflight: CheckedResponse | null;
  /** The redirect target of the preflight response, or null when it does not redirect. */
  readonly preflightRedirect: string | null;
  /**
   * The index of the redirect step after which the preflight was sent, or null when
   * it was sent before the first request.
   */
  readonly preflightAfterStep: number | null;
  /** The redirect responses of the actual request, in order. */
  readonly redirects: readonly RedirectStep[];
  /** The final response, when the browser runs the CORS check on it; else null. */
  readonly final: CheckedResponse | null;
  /** True when the final response came from the page's own origin. */
  readonly finalIsSameOrigin: boolean;
}

/** Fetch "redirect status". */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Positions order the responses as the browser received them. Redirect step `i` is
 * at `2 * (i + 1)`, so a preflight sent after it fits at the odd number in between.
 */
function stepPosition(index: number): number {
  return 2 * (index + 1);
}

function checkedResponse(
  role: CheckedResponse["role"],
  position: number,
  url: string,
  statusCode: number,
  headers: HeaderIndex,
  origin: string | null,
): CheckedResponse {
  return { role, position, url, statusCode, headers, origin };
}

/**
 * Follows the request through its redirects and records, for each one, whether the
 * request was cross-origin and tainted at that point.
 */
class StepBuilder {
  readonly redirects: RedirectStep[] = [];
  /** The tainted flag after each step, so a later preflight uses the right origin. */
  private readonly taintedAfter: boolean[] = [];
  private tainted = false;
  crossOrigin: boolean;

  constructor(
    private readonly origin: string | null,
    public currentUrl: string,
  ) {
    this.crossOrigin = origin === null || originOfUrl(currentUrl) !== origin;
  }

  /** Returns the origin a response is checked against at this point. */
  checkedOrigin(): string | null {
    return this.tainted ? "null" : this.origin;
  }

  /** Returns the origin a preflight sent after step `index` is checked against. */
  originAfterStep(index: number | null): string | null {
    if (index === null || this.taintedAfter[index] !== true) return this.origin;
    return "null";
  }

  add(
    url: string,
    statusCode: number,
    headers: HeaderIndex,
    location: string,
    followed: boolean,
  ): void {
    const index = this.redirects.length;
    const urlOrigin = originOfUrl(url);
    const changesOrigin = urlOrigin !== originOfUrl(location);
    this.redirects.push({
      response: checkedResponse(
        "redirect",
        stepPosition(index),
        url,
        statusCode,
        headers,
        this.checkedOrigin(),
      ),
      corsChecked: this.crossOrigin,
      location,
      changesOrigin,
      taintedBefore: this.tainted,
      followed,
    });
    // With the page's origin unknown, tainting would invent a comparison with null.
    const leftPageOrigin = this.origin !== null && urlOrigin !== this.origin;
    if (changesOrigin && leftPageOrigin) this.tainted = true;
    this.taintedAfter.push(this.tainted);
    this.currentUrl = location;
    this.crossOrigin =
      this.crossOrigin || originOfUrl(location) !== this.origin;
  }
}

/**
 * Returns the index of the redirect step whose target the preflight went to, or null
 * when the preflight went to the first URL. After a redirect, the browser sends a new
 * preflight to the new URL when the request still needs one.
 */
function preflightStepIndex(
  record: RequestRecord,
  actual: RequestRecord,
): number | null {
  if (record.url === actual.url) return null;
  const index = actual.redirects.findIndex(
    (hop) => hop.redirectUrl === record.url,
  );
  return index < 0 ? null : index;
}

const NO_PREFLIGHT = {
  preflight: null,
  preflightRedirect: null,
  preflightAfterStep: null,
} as const;

function buildPreflight(
  exchange: Exchange,
  steps: StepBuilder,
): Pick<
  ResponseChain,
  "preflight" | "preflightRedirect" | "preflightAfterStep"
> {
  const record = exchange.preflight;
  if (exchange.preflightSource === "not-needed" || record === null) {
    return NO_PREFLIGHT;
  }

  const afterStep = preflightStepIndex(record, exchange.actual);
  const position = afterStep === null ? 0 : stepPosition(afterStep) + 1;
  const origin = steps.originAfterStep(afterStep);
  // A preflight stops at its first redirect, so the first hop is its response.
  const hop = record.redirects[0];
  if (hop !== undefined) {
    const preflight = checkedResponse(
      "preflight",
      position,
      hop.url,
      hop.statusCode,
      new HeaderIndex(hop.responseHeaders),
      origin,
    );
    return {
      preflight,
      preflightRedirect: hop.redirectUrl,
      preflightAfterStep: afterStep,
    };
  }
  if (record.statusCode === null) return NO_PREFLIGHT;
  const preflight = checkedResponse(
    "preflight",
    position,
    record.url,
    record.statusCode,
    new HeaderIndex(record.responseHeaders),
    origin,
  );
  return {
    preflight,
    preflightRedirect: preflightRedirectTarget(preflight, null),
    preflightAfterStep: afterStep,
  };
}

/**
 * Lists the responses of the exchange with the origin each one is checked against.
 *
 * Fetch "HTTP-redirect fetch" sets the tainted origin flag when a redirect moves to
 * another origin while the current URL is already cross-origin to the request's
 * origin. From then on the browser sends `Origin: null`, and only `null` or `*`
 * match. Responses received before the request first left its own origin are not
 * CORS-checked, because response tainting is still "basic" there. A final 3xx
 * response with a `Location` is a redirect the browser stopped at.
 */
export function buildResponseChain(
  exchange: Exchange,
  origin: string | null,
): ResponseChain {
  const actual = exchange.actual;
  const steps = new StepBuilder(origin, actual.url);
  for (const hop of actual.redirects) {
    const headers = new HeaderIndex(hop.responseHeaders);
    steps.add(hop.url, hop.statusCode, headers, hop.redirectUrl, true);
  }

  let final: CheckedResponse | null = null;
  let finalIsSameOrigin = false;
  if (actual.statusCode !== null) {
    const headers = new HeaderIndex(actual.responseHeaders);
    const location = headers.value("Location");
    const currentUrl = steps.currentUrl;
    if (REDIRECT_STATUSES.has(actual.statusCode) && location !== null) {
      const target = URL.canParse(location, currentUrl)
        ? new URL(location, currentUrl).href
        : location;
      steps.add(currentUrl, actual.statusCode, headers, target, false);
    } else if (steps.crossOrigin) {
      final = checkedResponse(
        "actual",
        stepPosition(steps.redirects.length),
        currentUrl,
        actual.statusCode,
        headers,
        steps.checkedOrigin(),
      );
    } else {
      finalIsSameOrigin = true;
    }
  }

  const preflight = buildPreflight(exchange, steps);
  return {
    preflight: preflight.preflight,
    preflightRedirect: preflight.preflightRedirect,
    preflightAfterStep: preflight.preflightAfterStep,
    redirects: steps.redirects,
    final,
    finalIsSameOrigin,
  };
}
