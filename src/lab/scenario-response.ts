import type { HeaderList, HttpHeader } from "../model/header";
import type { RequestContext, ResponseSource } from "./scenario";

/** A scenario response with every computed header value filled in. */
export interface ResolvedResponse {
  readonly status: number;
  readonly headers: HeaderList;
  readonly body: string | Uint8Array;
}

/** Builds the response a scenario gives to the request in `context`. */
export function resolveResponse(
  source: ResponseSource,
  context: RequestContext,
): ResolvedResponse {
  const response = typeof source === "function" ? source(context) : source;
  const headers: HttpHeader[] = [];
  for (const template of response.headers) {
    const value =
      typeof template.value === "function"
        ? template.value(context)
        : template.value;
    if (value !== null) headers.push({ name: template.name, value });
  }
  return { status: response.status, headers, body: response.body ?? "" };
}
