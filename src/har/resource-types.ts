import type { HeaderList } from "../model/header";
import { headerValue } from "../model/header";
import type { ResourceType } from "../model/request-record";

/** Chromium DevTools resource types (`_resourceType`) as webRequest names them. */
const WEB_REQUEST_TYPES: Readonly<Record<string, ResourceType>> = {
  document: "main_frame",
  stylesheet: "stylesheet",
  script: "script",
  image: "image",
  font: "font",
  media: "media",
  xhr: "xmlhttprequest",
  fetch: "xmlhttprequest",
  eventsource: "xmlhttprequest",
  preflight: "xmlhttprequest",
  websocket: "websocket",
  ping: "ping",
  cspviolationreport: "csp_report",
  manifest: "other",
  texttrack: "media",
  other: "other",
};

/** `Sec-Fetch-Dest` values (Fetch Metadata) as webRequest resource types. */
const TYPES_BY_DESTINATION: Readonly<Record<string, ResourceType>> = {
  empty: "xmlhttprequest",
  document: "main_frame",
  iframe: "sub_frame",
  frame: "sub_frame",
  style: "stylesheet",
  script: "script",
  worker: "script",
  sharedworker: "script",
  serviceworker: "script",
  image: "image",
  font: "font",
  audio: "media",
  video: "media",
  track: "media",
  object: "object",
  embed: "object",
  report: "csp_report",
};

/**
 * Returns the webRequest type of a HAR entry: from Chromium's `_resourceType`, else
 * from the request's `Sec-Fetch-Dest` (Firefox writes no resource type), else `other`.
 */
export function webRequestTypeOf(
  resourceType: string | null,
  requestHeaders: HeaderList,
): ResourceType {
  if (resourceType !== null) {
    const type = WEB_REQUEST_TYPES[resourceType.toLowerCase()];
    if (type !== undefined) return type;
  }
  const destination = headerValue(requestHeaders, "sec-fetch-dest");
  if (destination !== null) {
    const type = TYPES_BY_DESTINATION[destination.toLowerCase()];
    if (type !== undefined) return type;
  }
  return "other";
}

/** webRequest resource types as Chromium DevTools names them, for HAR export. */
const DEVTOOLS_TYPES: Readonly<Record<string, string>> = {
  main_frame: "document",
  sub_frame: "document",
  outermost_frame: "document",
  stylesheet: "stylesheet",
  script: "script",
  image: "image",
  imageset: "image",
  font: "font",
  media: "media",
  xmlhttprequest: "xhr",
  websocket: "websocket",
  ping: "ping",
  beacon: "ping",
  csp_report: "cspviolationreport",
};

export function devtoolsResourceTypeOf(type: ResourceType): string {
  return DEVTOOLS_TYPES[type] ?? "other";
}
