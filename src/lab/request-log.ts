import type { HeaderList } from "../model/header";

/** The lab server that received a request: the page origin or the API origin. */
export type LabServerRole = "page" | "api";

/** One request a lab server received. */
export interface RecordedRequest {
  readonly server: LabServerRole;
  readonly method: string;
  /** The request target as sent, query included. */
  readonly url: string;
  /** Request headers in the order received, repeats kept. */
  readonly headers: HeaderList;
  /** Milliseconds since the epoch. */
  readonly time: number;
}

/** Maximum number of requests kept; the oldest are dropped first. */
export const MAX_RECORDED_REQUESTS = 10_000;

/** The requests the lab received, in arrival order, bounded in size. */
export class RequestLog {
  readonly #requests: RecordedRequest[] = [];

  add(request: RecordedRequest): void {
    this.#requests.push(request);
    if (this.#requests.length > MAX_RECORDED_REQUESTS) this.#requests.shift();
  }

  /** Returns a copy of the recorded requests, oldest first. */
  list(): RecordedRequest[] {
    return [...this.#requests];
  }
}
