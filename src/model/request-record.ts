import type { HeaderList } from "./header";

/**
 * The kind of resource that made the request, as webRequest names it
 * (`xmlhttprequest`, `font`, `image`, `script`, ...).
 */
export type ResourceType = string;

/** A response that redirected the request elsewhere, before the final response. */
export interface RedirectHop {
  readonly url: string;
  readonly statusCode: number;
  readonly responseHeaders: HeaderList;
  readonly redirectUrl: string;
}

/**
 * One HTTP request as the browser sent it and as the server answered it. Browser
 * capture, HAR import and the command line all produce these.
 */
export interface RequestRecord {
  /** Identifier unique within its source (webRequest's requestId, a HAR entry index). */
  readonly id: string;
  /** The URL first requested; redirects are in `redirects`. */
  readonly url: string;
  readonly method: string;
  readonly type: ResourceType;
  /** The browser tab, or -1 when the source has none. */
  readonly tabId: number;
  readonly frameId: number;
  /** Origin of the document that made the request, when the source reports it. */
  readonly initiator: string | null;
  /** False while the request has not been sent yet or the source does not show headers. */
  readonly requestHeadersSeen: boolean;
  readonly requestHeaders: HeaderList;
  /** Final response status, or null when no response arrived. */
  readonly statusCode: number | null;
  readonly responseHeaders: HeaderList;
  readonly redirects: readonly RedirectHop[];
  /** The network error the browser reported, such as `net::ERR_FAILED`, or null. */
  readonly error: string | null;
  /** True until the request completed or failed. */
  readonly inFlight: boolean;
  /** Milliseconds since the epoch. */
  readonly startTime: number;
  readonly endTime: number | null;
}
