import type { HeaderList } from "../../../src/model/header";
import { headerValue } from "../../../src/model/header";
import type {
  RedirectHop,
  RequestRecord,
} from "../../../src/model/request-record";
import type { RecordedRequest } from "../../../src/lab/request-log";
import type {
  RequestContext,
  ResponseSource,
  Scenario,
  ScenarioResponse,
} from "../../../src/lab/scenario";
import { resolveResponse } from "../../../src/lab/scenario-response";

/** A response the lab's API server sent, with the method and URL of its request. */
export interface LabResponse {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly headers: HeaderList;
}

/**
 * Records every response the lab builds from a scenario, in the order the
 * requests arrived. The lab's own request log has the requests but
 * not the responses.
 */
export class LabResponseRecorder {
  readonly responses: LabResponse[] = [];

  /** Returns the scenarios with every response source wrapped to record its response. */
  wrap(scenarios: readonly Scenario[]): Scenario[] {
    return scenarios.map((scenario) => ({
      ...scenario,
      preflight:
        scenario.preflight === null
          ? null
          : this.#recording(scenario.preflight),
      actual: this.#recording(scenario.actual),
    }));
  }

  #recording(source: ResponseSource): ResponseSource {
    return (context: RequestContext): ScenarioResponse => {
      const resolved = resolveResponse(source, context);
      this.responses.push({
        method: context.method,
        url: context.url,
        status: resolved.status,
        headers: resolved.headers,
      });
      return resolved;
    };
  }
}

/** One request the API server received, with its response. */
interface ServerHop {
  readonly url: string;
  readonly method: string;
  readonly requestHeaders: HeaderList;
  readonly status: number;
  readonly responseHeaders: HeaderList;
  readonly time: number;
}

/** The status the lab sends to OPTIONS for a scenario with no preflight response. */
const NO_PREFLIGHT_STATUS = 405;

/**
 * Pairs the lab's request log with the recorded responses. Both are in arrival
 * order, because the lab logs a request and builds its response in the same
 * turn. An OPTIONS request with no recorded response went to a scenario that
 * defines no preflight, which the lab answers with 405 and no CORS headers.
 */
function serverHops(
  requests: readonly RecordedRequest[],
  responses: readonly LabResponse[],
): ServerHop[] {
  const hops: ServerHop[] = [];
  let next = 0;
  for (const request of requests) {
    if (request.server !== "api") continue;
    const host = headerValue(request.headers, "Host") ?? "";
    const url = `http://${host}${request.url}`;
    const response = responses[next];
    let status = NO_PREFLIGHT_STATUS;
    let responseHeaders: HeaderList = [];
    if (
      response !== undefined &&
      response.method === request.method &&
      response.url === url
    ) {
      next += 1;
      status = response.status;
      responseHeaders = response.headers;
    } else if (request.method !== "OPTIONS") {
      throw new Error(`No recorded response to ${request.method} ${url}.`);
    }
    hops.push({
      url,
      method: request.method,
      requestHeaders: request.headers,
      status,
      responseHeaders,
      time: request.time,
    });
  }
  return hops;
}

function isRedirect(status: number): boolean {
  return [301, 302, 303, 307, 308].includes(status);
}

/**
 * Returns the method after a redirect (Fetch "HTTP-redirect fetch"): 303 turns
 * every method but HEAD into GET, and 301 and 302 turn POST into GET.
 */
function methodAfterRedirect(status: number, method: string): string {
  if (status === 303 && method !== "HEAD") return "GET";
  if ((status === 301 || status === 302) && method === "POST") return "GET";
  return method;
}

/** Resolves a Location against the URL it came from and removes the user info, as the next request line has none. */
function requestedUrl(location: string, base: string): string {
  const url = new URL(location, base);
  url.username = "";
  url.password = "";
  return url.href;
}

/** An actual request and the redirects it followed, as the server saw them. */
interface RedirectChain {
  readonly hops: ServerHop[];
  /** The preflight that cleared the first hop, if one did. */
  preflight: ServerHop | null;
  /** Where the last hop redirected to, or null when it did not redirect. */
  nextUrl: string | null;
  nextMethod: string;
  /** True when a preflight was sent for the redirect target, so the browser followed it. */
  redirectFollowed: boolean;
}

function redirectTarget(hop: ServerHop): string | null {
  if (!isRedirect(hop.status)) return null;
  const location = headerValue(hop.responseHeaders, "Location");
  return location === null ? null : requestedUrl(location, hop.url);
}

function startChain(hop: ServerHop): RedirectChain {
  return {
    hops: [hop],
    preflight: null,
    nextUrl: redirectTarget(hop),
    nextMethod: methodAfterRedirect(hop.status, hop.method),
    redirectFollowed: false,
  };
}

function extendChain(chain: RedirectChain, hop: ServerHop): void {
  chain.hops.push(hop);
  chain.nextUrl = redirectTarget(hop);
  chain.nextMethod = methodAfterRedirect(hop.status, hop.method);
  chain.redirectFollowed = false;
}

/** What the page asked for, where the server log cannot show it. */
export interface RecordOptions {
  /** The origin of the page that made the requests. */
  readonly pageOrigin: string;
  /** The webRequest resource type of a request to this URL. */
  typeOf(url: string): string;
  /**
   * The headers of a request the page made to this URL, as Firefox's
   * webRequest shows them before the preflight is sent.
   */
  headersBeforePreflight(url: string): HeaderList;
}

/**
 * Rebuilds RequestRecords, shaped as the browser extension records them, from
 * what the lab's API server received and sent: one record per preflight, and
 * one per actual request with the redirects it followed. The records carry no
 * error, as in Firefox, whose webRequest reports CORS-blocked requests as
 * completed.
 *
 * Two records are inferred rather than seen. An actual request whose preflight
 * failed never reaches the server, so a preflight with no matching request
 * gets an actual request record with the headers the page asked for and no
 * response. And a redirect
 * whose target got a preflight was followed even when the request after that
 * preflight never came.
 */
export function buildLabRequestRecords(
  requests: readonly RecordedRequest[],
  responses: readonly LabResponse[],
  options: RecordOptions,
): RequestRecord[] {
  const chains: RedirectChain[] = [];
  const preflights: ServerHop[] = [];
  const unansweredPreflights: ServerHop[] = [];

  for (const hop of serverHops(requests, responses)) {
    if (hop.method === "OPTIONS") {
      preflights.push(hop);
      unansweredPreflights.push(hop);
      const redirected = chains.find((chain) => chain.nextUrl === hop.url);
      if (redirected !== undefined) redirected.redirectFollowed = true;
      continue;
    }
    const preflightIndex = unansweredPreflights.findIndex(
      (preflight) =>
        preflight.url === hop.url &&
        headerValue(
          preflight.requestHeaders,
          "Access-Control-Request-Method",
        ) === hop.method,
    );
    const [preflight] =
      preflightIndex === -1
        ? []
        : unansweredPreflights.splice(preflightIndex, 1);
    const continued = chains.find(
      (chain) => chain.nextUrl === hop.url && chain.nextMethod === hop.method,
    );
    if (continued !== undefined) {
      extendChain(continued, hop);
    } else {
      const chain = startChain(hop);
      chain.preflight = preflight ?? null;
      chains.push(chain);
    }
  }

  const records: RequestRecord[] = preflights.map((preflight, index) =>
    hopRecord(`preflight-${index}`, preflight, options),
  );
  chains.forEach((chain, index) => {
    records.push(chainRecord(`actual-${index}`, chain, options));
  });
  unansweredPreflights.forEach((preflight, index) => {
    const redirected = chains.some((chain) => chain.nextUrl === preflight.url);
    if (!redirected) {
      records.push(blockedActualRecord(`blocked-${index}`, preflight, options));
    }
  });
  return records;
}

function baseRecord(
  id: string,
  url: string,
  options: RecordOptions,
): Pick<
  RequestRecord,
  | "id"
  | "url"
  | "type"
  | "tabId"
  | "frameId"
  | "initiator"
  | "error"
  | "inFlight"
> {
  return {
    id,
    url,
    type: options.typeOf(url),
    tabId: 1,
    frameId: 0,
    initiator: options.pageOrigin,
    error: null,
    inFlight: false,
  };
}

function hopRecord(
  id: string,
  hop: ServerHop,
  options: RecordOptions,
): RequestRecord {
  return {
    ...baseRecord(id, hop.url, options),
    method: hop.method,
    requestHeadersSeen: true,
    requestHeaders: hop.requestHeaders,
    statusCode: hop.status,
    responseHeaders: hop.responseHeaders,
    redirects: [],
    startTime: hop.time,
    endTime: hop.time,
  };
}

/**
 * Builds the record of an actual request. It starts just before its preflight,
 * because the browser starts the request and then sends the preflight for it.
 */
function chainRecord(
  id: string,
  chain: RedirectChain,
  options: RecordOptions,
): RequestRecord {
  const [first] = chain.hops;
  const last = chain.hops[chain.hops.length - 1];
  if (first === undefined || last === undefined) {
    throw new Error("A redirect chain has no request.");
  }
  const redirects: RedirectHop[] = [];
  for (let index = 0; index + 1 < chain.hops.length; index += 1) {
    const hop = chain.hops[index];
    const following = chain.hops[index + 1];
    if (hop === undefined || following === undefined) continue;
    redirects.push({
      url: hop.url,
      statusCode: hop.status,
      responseHeaders: hop.responseHeaders,
      redirectUrl: following.url,
    });
  }
  let statusCode: number | null = last.status;
  let responseHeaders = last.responseHeaders;
  if (chain.redirectFollowed && chain.nextUrl !== null) {
    redirects.push({
      url: last.url,
      statusCode: last.status,
      responseHeaders: last.responseHeaders,
      redirectUrl: chain.nextUrl,
    });
    statusCode = null;
    responseHeaders = [];
  }
  const startTime =
    chain.preflight === null ? first.time : chain.preflight.time - 1;
  return {
    ...baseRecord(id, first.url, options),
    method: first.method,
    requestHeadersSeen: true,
    requestHeaders: last.requestHeaders,
    statusCode,
    responseHeaders,
    redirects,
    startTime,
    endTime: last.time,
  };
}

/**
 * Builds the record of an actual request that a failed preflight stopped before
 * it was sent. Firefox's webRequest reports its request headers before the
 * preflight starts, so the record has them.
 */
function blockedActualRecord(
  id: string,
  preflight: ServerHop,
  options: RecordOptions,
): RequestRecord {
  const method =
    headerValue(preflight.requestHeaders, "Access-Control-Request-Method") ??
    "GET";
  return {
    ...baseRecord(id, preflight.url, options),
    method,
    requestHeadersSeen: true,
    requestHeaders: options.headersBeforePreflight(preflight.url),
    statusCode: null,
    responseHeaders: [],
    redirects: [],
    startTime: preflight.time - 1,
    endTime: preflight.time,
  };
}
