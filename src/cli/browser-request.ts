import { isForbiddenRequestHeader } from "../analyzer/browser-added-headers";
import {
  corsUnsafeRequestHeaderNames,
  needsPreflight,
  normalizeMethod,
} from "../analyzer/safelist";
import type { HeaderList, HttpHeader } from "../model/header";
import { CliError } from "./cli-error";
import { CORS_LENS_VERSION } from "./version";

/** The request a page makes with fetch(): what the page chose, before the browser adds. */
export interface PageRequest {
  readonly url: string;
  /** The page's origin, serialized (`https://app.example.com`). */
  readonly origin: string;
  /** The method as fetch() sends it (see normalizeMethod). */
  readonly method: string;
  /** Headers the page set, in order. */
  readonly headers: HeaderList;
  /** Cookies to send on the actual request, from `--header 'Cookie: ...'`. */
  readonly cookie: string | null;
}

/** RFC 9110 token, the syntax of methods and header names. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Fetch rejects these methods in any case ("forbidden method"). */
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

const USER_AGENT = `cors-lens/${CORS_LENS_VERSION}`;

/** Checks and normalizes a method as fetch() does. */
export function readMethod(method: string): string {
  if (!TOKEN.test(method)) {
    throw new CliError(`check: invalid method "${method}"`);
  }
  if (FORBIDDEN_METHODS.has(method.toUpperCase())) {
    throw new CliError(
      `check: browsers do not send ${method.toUpperCase()} requests (a forbidden method)`,
    );
  }
  return normalizeMethod(method);
}

/**
 * Parses `--header 'Name: value'` options. A header the browser does not let pages set
 * (Fetch "forbidden request-header") is rejected, except Cookie, which stands for the
 * cookies the browser would send with `--credentials`.
 */
export function readPageHeaders(
  options: readonly string[],
  credentials: boolean,
): { headers: HttpHeader[]; cookie: string | null } {
  const headers: HttpHeader[] = [];
  const cookies: string[] = [];
  for (const option of options) {
    const colon = option.indexOf(":");
    const name = colon < 0 ? option : option.slice(0, colon).trim();
    const value = colon < 0 ? "" : option.slice(colon + 1).trim();
    if (colon < 0 || !TOKEN.test(name) || /[\r\n\0]/.test(value)) {
      throw new CliError(
        `check: invalid header "${option}": write it as 'Name: value'`,
      );
    }
    if (name.toLowerCase() === "origin") {
      throw new CliError(
        "check: set the page's origin with --origin, not --header",
      );
    }
    if (name.toLowerCase() === "cookie") {
      if (!credentials) {
        throw new CliError(
          "check: browsers send cookies only with credentials: add --credentials",
        );
      }
      cookies.push(value);
      continue;
    }
    if (isForbiddenRequestHeader(name, value)) {
      throw new CliError(
        `check: pages cannot set ${name}: the browser sets it (a forbidden request header)`,
      );
    }
    headers.push({ name, value });
  }
  return {
    headers,
    cookie: cookies.length === 0 ? null : cookies.join("; "),
  };
}

/** Tells whether the browser sends a preflight first (Fetch "CORS-preflight fetch"). */
export function requiresPreflight(request: PageRequest): boolean {
  return needsPreflight(request.method, request.headers);
}

/**
 * Returns the headers of the preflight a browser sends: OPTIONS with
 * Access-Control-Request-Method and,
 * when the page set unsafe headers, Access-Control-Request-Headers listing their
 * names lowercased, sorted and joined by "," (Fetch "CORS-preflight fetch", step 5).
 * It never carries cookies or the page's headers.
 */
export function preflightHeaders(request: PageRequest): HttpHeader[] {
  const unsafeNames = corsUnsafeRequestHeaderNames(request.headers);
  const headers: HttpHeader[] = [
    { name: "Accept", value: "*/*" },
    { name: "Access-Control-Request-Method", value: request.method },
  ];
  if (unsafeNames.length > 0) {
    headers.push({
      name: "Access-Control-Request-Headers",
      value: unsafeNames.join(","),
    });
  }
  headers.push(
    { name: "Origin", value: request.origin },
    { name: "Sec-Fetch-Mode", value: "cors" },
    { name: "Sec-Fetch-Dest", value: "empty" },
    { name: "User-Agent", value: USER_AGENT },
  );
  return headers;
}

/**
 * Returns the actual request's headers: the page's headers, `Accept: *\/*` when the page set
 * none (fetch's default), then the headers the browser adds. `origin` is the request's
 * current origin, `null` after a redirect tainted it.
 */
export function actualHeaders(
  request: PageRequest,
  headers: HeaderList,
  origin: string,
  withCookies: boolean,
): HttpHeader[] {
  const sent: HttpHeader[] = [...headers];
  if (!headers.some((header) => header.name.toLowerCase() === "accept")) {
    sent.push({ name: "Accept", value: "*/*" });
  }
  sent.push(
    { name: "Origin", value: origin },
    { name: "Sec-Fetch-Mode", value: "cors" },
    { name: "Sec-Fetch-Dest", value: "empty" },
    { name: "User-Agent", value: USER_AGENT },
  );
  if (withCookies && request.cookie !== null) {
    sent.push({ name: "Cookie", value: request.cookie });
  }
  return sent;
}
