import { isHttpToken, splitHeaderList } from "./http-syntax";
import type { HeaderIndex } from "./header-index";

/** A parsed `Access-Control-Allow-Methods` or `Access-Control-Allow-Headers`. */
export interface AllowList {
  /** The header's value with its lines joined, or null when absent. */
  readonly value: string | null;
  /** The elements that are HTTP tokens, as written. */
  readonly elements: readonly string[];
  /** The elements that are not HTTP tokens. */
  readonly invalid: readonly string[];
}

const ABSENT_LIST: AllowList = { value: null, elements: [], invalid: [] };

/**
 * Parses a comma-separated allow list. Both browsers trim the elements and skip empty
 * ones (preflight_result.cc in Chromium, CheckPreflightRequestApproved in Firefox's
 * nsCORSListenerProxy.cpp), then reject the whole header when an element is not a
 * token.
 */
export function parseAllowList(headers: HeaderIndex, name: string): AllowList {
  const value = headers.value(name);
  if (value === null) return ABSENT_LIST;
  const elements: string[] = [];
  const invalid: string[] = [];
  for (const element of splitHeaderList(value)) {
    if (element.length === 0) continue;
    if (isHttpToken(element)) elements.push(element);
    else invalid.push(element);
  }
  return { value, elements, invalid };
}
