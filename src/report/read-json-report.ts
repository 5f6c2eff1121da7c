import type { Exchange, PreflightSource } from "../model/exchange";
import type { HttpHeader } from "../model/header";
import type { RedirectHop, RequestRecord } from "../model/request-record";

/** The path of the exchanges array in a JSON report. */
export const REPORT_EXCHANGES_PATH = ["exchanges"] as const;

/** A JSON document that is not a CORS Lens report this version can read. */
export class ReportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReportFormatError";
  }
}

type JsonObject = Readonly<Record<string, unknown>>;

const PREFLIGHT_SOURCES: readonly PreflightSource[] = [
  "sent",
  "cached",
  "not-needed",
];

/**
 * Checks the top-level fields of a JSON report whose exchanges array was emptied.
 * Throws ReportFormatError unless it is a CORS Lens report of format version 1.
 */
export function checkReportSkeleton(skeleton: unknown): void {
  if (!isObject(skeleton)) {
    throw new ReportFormatError("the document is not a JSON object");
  }
  const tool = skeleton["tool"];
  if (!isObject(tool) || tool["name"] !== "cors-lens") {
    throw new ReportFormatError(
      'it has no "tool.name": "cors-lens", so it is not a CORS Lens report',
    );
  }
  if (skeleton["version"] !== 1) {
    throw new ReportFormatError(
      `report format version ${JSON.stringify(skeleton["version"])} is not supported (expected 1)`,
    );
  }
  if (!Array.isArray(skeleton["exchanges"])) {
    throw new ReportFormatError('"exchanges" is missing or not a list');
  }
}

/**
 * Rebuilds the exchange of one `exchanges` element, so that it can be analyzed again.
 * The records get tab -1, as imported records do. Throws ReportFormatError naming the
 * exchange and the field when a field is missing or has the wrong type.
 */
export function exchangeFromReport(value: unknown, index: number): Exchange {
  const where = (field: string): string => `exchange ${index}: ${field}`;
  if (!isObject(value)) {
    throw new ReportFormatError(`exchange ${index} is not an object`);
  }
  const id = requiredString(value, "id", where("id"));
  const origin = nullableString(value, "origin", where("origin"));
  const source = value["preflightSource"];
  if (!PREFLIGHT_SOURCES.some((known) => known === source)) {
    throw new ReportFormatError(
      `${where("preflightSource")} is not "sent", "cached" or "not-needed"`,
    );
  }
  const actual = readRequest(value["actual"], id, origin, where("actual"));
  const preflightValue = value["preflight"];
  const preflight =
    preflightValue === null
      ? null
      : readRequest(
          preflightValue,
          `${id}-preflight`,
          origin,
          where("preflight"),
        );
  return {
    id,
    tabId: -1,
    origin,
    actual,
    preflight,
    preflightSource: source as PreflightSource,
  };
}

function readRequest(
  value: unknown,
  id: string,
  origin: string | null,
  where: string,
): RequestRecord {
  if (!isObject(value)) {
    throw new ReportFormatError(`${where} is missing or not an object`);
  }
  const field = (name: string): string => `${where}.${name}`;
  const startedAt = nullableString(value, "startedAt", field("startedAt"));
  const endedAt = nullableString(value, "endedAt", field("endedAt"));
  const status = value["status"];
  if (status !== null && typeof status !== "number") {
    throw new ReportFormatError(`${field("status")} is not a number or null`);
  }
  return {
    id,
    url: requiredString(value, "url", field("url")),
    method: requiredString(value, "method", field("method")),
    type: requiredString(value, "type", field("type")),
    tabId: -1,
    frameId: 0,
    initiator: origin,
    requestHeadersSeen: requiredBoolean(
      value,
      "requestHeadersSeen",
      field("requestHeadersSeen"),
    ),
    requestHeaders: readHeaders(
      value["requestHeaders"],
      field("requestHeaders"),
    ),
    statusCode: status,
    responseHeaders: readHeaders(
      value["responseHeaders"],
      field("responseHeaders"),
    ),
    redirects: readRedirects(value["redirects"], field("redirects")),
    error: nullableString(value, "error", field("error")),
    inFlight: requiredBoolean(value, "inFlight", field("inFlight")),
    startTime: startedAt === null ? Number.NaN : Date.parse(startedAt),
    endTime: endedAt === null ? null : Date.parse(endedAt),
  };
}

function readRedirects(value: unknown, where: string): RedirectHop[] {
  if (!Array.isArray(value)) {
    throw new ReportFormatError(`${where} is missing or not a list`);
  }
  return value.map((hop: unknown, index) => {
    const field = (name: string): string => `${where}[${index}].${name}`;
    if (!isObject(hop)) {
      throw new ReportFormatError(`${where}[${index}] is not an object`);
    }
    const statusCode = hop["statusCode"];
    if (typeof statusCode !== "number") {
      throw new ReportFormatError(`${field("statusCode")} is not a number`);
    }
    return {
      url: requiredString(hop, "url", field("url")),
      statusCode,
      responseHeaders: readHeaders(
        hop["responseHeaders"],
        field("responseHeaders"),
      ),
      redirectUrl: requiredString(hop, "redirectUrl", field("redirectUrl")),
    };
  });
}

function readHeaders(value: unknown, where: string): HttpHeader[] {
  if (!Array.isArray(value)) {
    throw new ReportFormatError(`${where} is missing or not a list`);
  }
  return value.map((header: unknown, index) => {
    if (
      !isObject(header) ||
      typeof header["name"] !== "string" ||
      typeof header["value"] !== "string"
    ) {
      throw new ReportFormatError(
        `${where}[${index}] is not a {name, value} pair of strings`,
      );
    }
    return { name: header["name"], value: header["value"] };
  });
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function requiredString(
  object: JsonObject,
  key: string,
  where: string,
): string {
  const value = object[key];
  if (typeof value !== "string") {
    throw new ReportFormatError(`${where} is missing or not a string`);
  }
  return value;
}

function nullableString(
  object: JsonObject,
  key: string,
  where: string,
): string | null {
  const value = object[key];
  if (value === null) return null;
  if (typeof value !== "string") {
    throw new ReportFormatError(`${where} is missing or not a string or null`);
  }
  return value;
}

function requiredBoolean(
  object: JsonObject,
  key: string,
  where: string,
): boolean {
  const value = object[key];
  if (typeof value !== "boolean") {
    throw new ReportFormatError(`${where} is missing or not true or false`);
  }
  return value;
}
