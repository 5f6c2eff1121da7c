import type { HeaderList, HttpHeader } from "../model/header";

/** A HAR file that is valid JSON but not a usable HAR log. */
export class HarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HarFormatError";
  }
}

/** The facts CORS Lens reads from one HAR entry. */
export interface HarEntryFacts {
  /** Position of the entry in `log.entries`. */
  readonly index: number;
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: HeaderList;
  /** False when the entry lists no request header at all. */
  readonly requestHeadersSeen: boolean;
  /** The response status; 0 means no response arrived. */
  readonly status: number;
  readonly responseHeaders: HeaderList;
  /** The `redirectURL` of the response, or "" when it did not redirect. */
  readonly redirectUrl: string;
  /** Chromium's `response._error`, or null. */
  readonly error: string | null;
  /** Milliseconds since the epoch. */
  readonly startTime: number;
  /** Total time in milliseconds, or null when unknown. */
  readonly duration: number | null;
  /** Chromium's `_resourceType` (`xhr`, `fetch`, `preflight`, ...), or null. */
  readonly resourceType: string | null;
  readonly initiator: {
    readonly type: string | null;
    readonly url: string | null;
    readonly requestId: string | null;
  } | null;
  /** The `_requestId` CORS Lens writes, or null. */
  readonly requestId: string | null;
  readonly frameId: number | null;
}

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads one `log.entries` element. Throws HarFormatError naming the entry and the
 * field when a field CORS Lens needs is missing or has the wrong type. Optional fields
 * that are missing get their HAR default.
 */
export function readHarEntry(value: unknown, index: number): HarEntryFacts {
  const where = (field: string): string => `entry ${index}: ${field}`;
  if (!isObject(value))
    throw new HarFormatError(`entry ${index} is not an object`);
  const request = value["request"];
  const response = value["response"];
  if (!isObject(request)) {
    throw new HarFormatError(`${where("request")} is missing or not an object`);
  }
  if (!isObject(response)) {
    throw new HarFormatError(
      `${where("response")} is missing or not an object`,
    );
  }

  const method = requiredString(request, "method", where("request.method"));
  const url = requiredString(request, "url", where("request.url"));
  const startedDateTime = requiredString(
    value,
    "startedDateTime",
    where("startedDateTime"),
  );
  const startTime = Date.parse(startedDateTime);
  if (Number.isNaN(startTime)) {
    throw new HarFormatError(
      `${where("startedDateTime")} is not a date: ${JSON.stringify(startedDateTime)}`,
    );
  }

  const status = response["status"];
  if (typeof status !== "number" || !Number.isFinite(status)) {
    throw new HarFormatError(
      `${where("response.status")} is missing or not a number`,
    );
  }

  const requestHeaders = readHeaders(
    request["headers"],
    where("request.headers"),
  );
  const time = value["time"];
  const redirectUrl = response["redirectURL"];
  return {
    index,
    method,
    url,
    requestHeaders: withoutPseudoHeaders(requestHeaders),
    requestHeadersSeen: requestHeaders.length > 0,
    status,
    responseHeaders: withoutPseudoHeaders(
      readHeaders(response["headers"], where("response.headers")),
    ),
    redirectUrl: typeof redirectUrl === "string" ? redirectUrl : "",
    error: optionalString(response["_error"]),
    startTime,
    duration: typeof time === "number" && time >= 0 ? time : null,
    resourceType: optionalString(value["_resourceType"]),
    initiator: readInitiator(value["_initiator"]),
    requestId: optionalString(value["_requestId"]),
    frameId: typeof value["_frameId"] === "number" ? value["_frameId"] : null,
  };
}

function requiredString(
  object: JsonObject,
  key: string,
  where: string,
): string {
  const value = object[key];
  if (typeof value !== "string") {
    throw new HarFormatError(`${where} is missing or not a string`);
  }
  return value;
}

function optionalString(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** Reads a header list. A missing list counts as empty, as in Chromium's HAR importer. */
function readHeaders(value: unknown, where: string): HttpHeader[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new HarFormatError(`${where} is not a list`);
  }
  return value.map((header: unknown, position) => {
    if (
      !isObject(header) ||
      typeof header["name"] !== "string" ||
      typeof header["value"] !== "string"
    ) {
      throw new HarFormatError(
        `${where}[${position}] is not a {name, value} pair of strings`,
      );
    }
    return { name: intern(header["name"]), value: intern(header["value"]) };
  });
}

/** Distinct strings kept by intern; beyond it, strings are no longer shared. */
const MAX_INTERNED = 50_000;
const interned = new Map<string, string>();

/**
 * Returns one shared copy of a header name or value. JSON.parse makes a new string for
 * each occurrence, and a large HAR repeats the same names and values in every entry,
 * so sharing them keeps the records of 100,000 entries in far less memory.
 */
function intern(text: string): string {
  const shared = interned.get(text);
  if (shared !== undefined) return shared;
  if (interned.size < MAX_INTERNED) interned.set(text, text);
  return text;
}

/**
 * Drops HTTP/2 and HTTP/3 pseudo-header fields (`:authority`, `:method`, `:path`,
 * `:scheme`, `:status`), which Chromium lists among the headers of h2 and h3
 * requests. They are not header fields (RFC 9113 section 8.3), and a name with a
 * colon would look like a header that needs a preflight.
 */
function withoutPseudoHeaders(headers: HttpHeader[]): HttpHeader[] {
  return headers.some((header) => header.name.startsWith(":"))
    ? headers.filter((header) => !header.name.startsWith(":"))
    : headers;
}

function readInitiator(value: unknown): HarEntryFacts["initiator"] {
  if (!isObject(value)) return null;
  return {
    type: optionalString(value["type"]),
    url: optionalString(value["url"]),
    requestId: optionalString(value["requestId"]),
  };
}
