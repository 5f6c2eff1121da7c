import type { HeaderList } from "../model/header";

/** The `credentials` option the lab page passes to `fetch`. */
export type FetchCredentials = "omit" | "same-origin" | "include";

/**
 * The element load the page makes in place of `fetch`, named by the request
 * destination of the Fetch standard. All three load in CORS mode:
 * - `image`: an `<img crossorigin>`, `use-credentials` when `credentials` is
 *   `include`, else `anonymous`;
 * - `font`: a font declared by an `@font-face` rule, always without credentials;
 * - `script`: a module script, loaded with `import()`.
 */
export type LoadDestination = "image" | "font" | "script";

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
  /** The `mode` option of the fetch, `cors` when absent. */
  readonly mode?: "cors" | "no-cors";
  /**
   * The `cache` option of the fetch, `no-store` when absent. `no-store` also
   * bypasses the preflight cache (observed in Chromium 156), so only a request
   * with another cache mode can reuse an earlier preflight.
   */
  readonly cache?: "no-store" | "default";
  /** How many times the page makes the request, one after the other; 1 when absent. */
  readonly repeat?: number;
  /** A response header the page reads with `headers.get()` after the fetch. */
  readonly readHeader?: string;
  /** Loads the URL as this kind of resource instead of calling `fetch`. */
  readonly destination?: LoadDestination;
}

/** The request the API origin received, as response functions see it. */
export interface RequestContext {
  readonly method: string;
  /** The absolute URL the client requested: `http://`, the `Host` header, the path and query. */
  readonly url: string;
  /**
   * The rest of the path after `/api/<id>/`, such as `next` for `/api/<id>/next`,
   * or an empty string for the scenario's own URL. Redirecting scenarios use it
   * to answer each hop differently.
   */
  readonly step: string;
  /** The request's `Origin` header, or null when the request had none. */
  readonly origin: string | null;
  /** Request headers in the order received, repeats kept. */
  readonly headers: HeaderList;
  readonly pageOrigin: string;
  readonly apiOrigin: string;
  /**
   * The API server reached as `localhost` instead of `127.0.0.1`: the same server
   * under a third origin, for redirects that leave the API origin.
   */
  readonly localhostApiOrigin: string;
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
  /** The body: text is sent as UTF-8, bytes as they are. */
  readonly body?: string | Uint8Array;
}

/** A fixed response, or a function that builds the response from the request. */
export type ResponseSource =
  ScenarioResponse | ((context: RequestContext) => ScenarioResponse);

/**
 * One CORS configuration the lab plays, served at `/api/<id>` and, for the later
 * hops of a redirect, at `/api/<id>/<step>`.
 */
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
