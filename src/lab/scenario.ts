import type { HeaderList } from "../model/header";

/** The `credentials` option the lab page passes to `fetch`. */
export type FetchCredentials = "omit" | "same-origin" | "include";

/** The request the lab page makes for a scenario. */
export interface ScenarioRequest {
  readonly method: string;
  /**
   * Headers the page sets on the fetch. The browser adds its own (`Origin`,
   * `Cookie`, `Sec-Fetch-*`), which are not listed here.
   */
  readonly headers: HeaderList;
  readonly credentials: FetchCredentials;
  readonly body?: string;
}

/** The request the API origin received, as response functions see it. */
export interface RequestContext {
  readonly method: string;
  /** The request's `Origin` header, or null when the request had none. */
  readonly origin: string | null;
  /** Request headers in the order received, repeats kept. */
  readonly headers: HeaderList;
  readonly pageOrigin: string;
  readonly apiOrigin: string;
}

/** A header value computed from the request. Returning null leaves the header out. */
export type HeaderValueFunction = (context: RequestContext) => string | null;

/** One response header line, with a fixed or computed value. */
export interface HeaderTemplate {
  readonly name: string;
  readonly value: string | HeaderValueFunction;
}

/** A response the API origin sends. */
export interface ScenarioResponse {
  readonly status: number;
  /**
   * Header lines, sent in this order after `Cache-Control: no-store`. A name
   * may appear more than once to send several lines.
   */
  readonly headers: readonly HeaderTemplate[];
  readonly body?: string;
}

/** A fixed response, or a function that builds the response from the request. */
export type ResponseSource =
  ScenarioResponse | ((context: RequestContext) => ScenarioResponse);

/** One CORS configuration the lab plays, served at `/api/<id>`. */
export interface Scenario {
  /** Kebab-case identifier, also the last segment of the API path. */
  readonly id: string;
  readonly title: string;
  /** One line saying what is wrong with the configuration, or that nothing is. */
  readonly description: string;
  readonly request: ScenarioRequest;
  /**
   * The response to OPTIONS, or null for a request that needs no preflight.
   * With null, an OPTIONS request gets 405 without CORS headers.
   */
  readonly preflight: ResponseSource | null;
  /** The response to every method other than OPTIONS. */
  readonly actual: ResponseSource;
}

/**
 * Copies the request's `Origin` into the header, as servers that reflect any
 * origin do. Leaves the header out when the request had no `Origin`.
 */
export const echoOrigin: HeaderValueFunction = (context) => context.origin;
