import { analyzeExchange } from "../analyzer/analyze-exchange";
import type { CredentialsMode } from "../model/analysis";
import type { Exchange } from "../model/exchange";
import type { HeaderList } from "../model/header";
import type { RedirectHop, RequestRecord } from "../model/request-record";
import {
  analyzeAll,
  writeAnalysis,
  type OutputTarget,
} from "./analysis-output";
import {
  actualHeaders,
  preflightHeaders,
  readMethod,
  readPageHeaders,
  requiresPreflight,
  type PageRequest,
} from "./browser-request";
import { CliError, EXIT_OK } from "./cli-error";
import { sendRequest, type ReceivedResponse } from "./http-client";
import { OUTPUT_OPTION_DEFINITIONS, readOutputOptions } from "./output-options";
import { parseCommandArguments } from "./parse-arguments";
import { CHECK_USAGE } from "./usage";

/** Fetch's redirect limit ("HTTP-redirect fetch", step 4). */
const MAX_REDIRECTS = 20;

const DEFAULT_TIMEOUT_SECONDS = 15;

/** The network error Chromium reports for a request that CORS blocked. */
const BLOCKED_ERROR = "net::ERR_FAILED";

/** Runs `cors-lens check <url>` and returns the exit status. */
export async function runCheck(
  args: readonly string[],
  output: OutputTarget,
): Promise<number> {
  const { values, positionals } = parseCommandArguments("check", {
    args: [...args],
    options: {
      ...OUTPUT_OPTION_DEFINITIONS,
      origin: { type: "string" },
      method: { type: "string", short: "X" },
      header: { type: "string", short: "H", multiple: true },
      credentials: { type: "boolean" },
      timeout: { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help === true) {
    output.write(CHECK_USAGE);
    return EXIT_OK;
  }
  const options = readOutputOptions(values);
  const credentials = values.credentials === true;
  const page = readPageRequest(positionals, values, credentials);
  const timeoutMs = readTimeoutMs(values.timeout);
  const mode: CredentialsMode = credentials ? "include" : "omit";

  const exchange = await checkLikeBrowser(page, {
    timeoutMs,
    credentials: mode,
  });
  return writeAnalysis(analyzeAll([exchange], mode), options, output);
}

function readPageRequest(
  positionals: readonly string[],
  values: {
    readonly origin?: string | undefined;
    readonly method?: string | undefined;
    readonly header?: string[] | undefined;
  },
  credentials: boolean,
): PageRequest {
  const [url, ...extra] = positionals;
  if (url === undefined) {
    throw new CliError(
      "check: missing the URL to check (see cors-lens check --help)",
    );
  }
  if (extra.length > 0) {
    throw new CliError(`check: expected one URL, got ${positionals.length}`);
  }
  if (values.origin === undefined) {
    throw new CliError(
      "check: missing --origin, the origin of the page making the request",
    );
  }
  const { headers, cookie } = readPageHeaders(values.header ?? [], credentials);
  return {
    url: readHttpUrl(url),
    origin: readOrigin(values.origin),
    method: readMethod(values.method ?? "GET"),
    headers,
    cookie,
  };
}

function readHttpUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`check: invalid URL "${text}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CliError(
      `check: ${text}: only http and https URLs can be checked`,
    );
  }
  // Browsers never send the fragment.
  url.hash = "";
  return url.href;
}

/** Accepts a serialized origin (`https://app.example.com`) or `null`. */
function readOrigin(text: string): string {
  if (text === "null") return text;
  let origin: string;
  try {
    origin = new URL(text).origin;
  } catch {
    throw new CliError(`check: invalid --origin "${text}"`);
  }
  if (origin === "null" || origin !== text.replace(/\/$/, "")) {
    throw new CliError(
      `check: --origin must be a scheme, host and optional port, such as https://app.example.com, not "${text}"`,
    );
  }
  return origin;
}

function readTimeoutMs(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new CliError(
      `check: invalid --timeout "${text}": give a number of seconds above 0`,
    );
  }
  return seconds * 1000;
}

interface CheckOptions {
  readonly timeoutMs: number;
  readonly credentials: CredentialsMode;
}

/**
 * Sends a CORS request as a browser does. The preflight goes first when one is
 * needed, and a failed preflight ends the check. Then the actual request is sent and
 * its redirects followed in CORS mode, up to the first hop that fails the CORS check.
 */
export async function checkLikeBrowser(
  page: PageRequest,
  options: CheckOptions,
): Promise<Exchange> {
  let preflight: RequestRecord | null = null;
  if (requiresPreflight(page)) {
    const headers = preflightHeaders(page);
    const response = await sendRequest(
      { method: "OPTIONS", url: page.url, headers },
      options.timeoutMs,
    );
    preflight = {
      ...baseRecord("preflight", page, "OPTIONS", headers, response.startTime),
      statusCode: response.status,
      responseHeaders: response.headers,
      endTime: response.endTime,
    };
    // The browser never sends the actual request; these are the headers it would send.
    const wouldSend = actualHeaders(
      page,
      page.headers,
      page.origin,
      options.credentials === "include",
    );
    const unsent = {
      ...baseRecord("request", page, page.method, wouldSend, response.endTime),
      endTime: response.endTime,
      error: BLOCKED_ERROR,
    };
    // Judged while the request waits for its preflight: still in flight, no error.
    const waiting = { ...unsent, error: null, inFlight: true, endTime: null };
    if (failsOn(exchangeOf(page, waiting, preflight), "preflight", options)) {
      return exchangeOf(page, unsent, preflight);
    }
  }
  const actual = await followRedirects(page, preflight, options);
  return exchangeOf(page, actual, preflight);
}

async function followRedirects(
  page: PageRequest,
  preflight: RequestRecord | null,
  options: CheckOptions,
): Promise<RequestRecord> {
  const startTime = Date.now();
  const redirects: RedirectHop[] = [];
  let url = page.url;
  let method = page.method;
  let pageHeaders: HeaderList = page.headers;
  let origin = page.origin;
  const withCookies = options.credentials === "include";

  for (;;) {
    const headers = actualHeaders(page, pageHeaders, origin, withCookies);
    const response = await sendRequest(
      { method, url, headers },
      options.timeoutMs,
    );
    const record = (fields: Partial<RequestRecord>): RequestRecord => ({
      ...baseRecord("request", page, page.method, headers, startTime),
      statusCode: response.status,
      responseHeaders: response.headers,
      redirects: [...redirects],
      endTime: response.endTime,
      ...fields,
    });
    const target = redirectTarget(response, url);
    if (target === null) {
      // Chromium ends a request whose response fails the CORS check with this error.
      const final = record({});
      const blocked = failsOn(
        exchangeOf(page, final, preflight),
        "actual",
        options,
      );
      return blocked ? { ...final, error: BLOCKED_ERROR } : final;
    }
    if (redirects.length >= MAX_REDIRECTS) {
      return record({ error: "net::ERR_TOO_MANY_REDIRECTS" });
    }
    if (!isHttpUrl(target)) {
      return record({ error: "net::ERR_UNSAFE_REDIRECT" });
    }

    redirects.push({
      url,
      statusCode: response.status,
      responseHeaders: response.headers,
      redirectUrl: target,
    });
    // Judged as the browser does before it follows the redirect: still in flight.
    const following = record({
      statusCode: null,
      responseHeaders: [],
      redirects: [...redirects],
      inFlight: true,
      endTime: null,
    });
    if (failsOn(exchangeOf(page, following, preflight), "redirect", options)) {
      return {
        ...following,
        inFlight: false,
        endTime: response.endTime,
        error: BLOCKED_ERROR,
      };
    }

    // Fetch "HTTP-redirect fetch": a hop to another origin from a URL that is already
    // cross-origin taints the origin, so the browser sends `Origin: null` from then on.
    const fromOrigin = new URL(url).origin;
    const toOrigin = new URL(target).origin;
    if (fromOrigin !== toOrigin && fromOrigin !== page.origin) origin = "null";
    // 303, and 301 or 302 after POST, turn the request into a GET without body
    // headers (Fetch "HTTP-redirect fetch", step 12).
    if (
      (response.status === 303 && method !== "HEAD") ||
      ((response.status === 301 || response.status === 302) &&
        method === "POST")
    ) {
      method = "GET";
      pageHeaders = pageHeaders.filter(
        (header) => !REQUEST_BODY_HEADERS.has(header.name.toLowerCase()),
      );
    }
    // Fetch drops Authorization on a redirect to another origin (step 13).
    if (fromOrigin !== toOrigin) {
      pageHeaders = pageHeaders.filter(
        (header) => header.name.toLowerCase() !== "authorization",
      );
    }
    url = target;
  }
}

/** Fetch "request-body-header name". */
const REQUEST_BODY_HEADERS = new Set([
  "content-encoding",
  "content-language",
  "content-location",
  "content-type",
]);

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Returns the absolute URL a redirect response points to, or null for any other response. */
function redirectTarget(
  response: ReceivedResponse,
  base: string,
): string | null {
  if (!REDIRECT_STATUSES.has(response.status)) return null;
  const location = response.headers.find(
    (header) => header.name.toLowerCase() === "location",
  );
  if (location === undefined) return null;
  try {
    const target = new URL(location.value, base);
    target.hash = "";
    return target.href;
  } catch {
    return null;
  }
}

function isHttpUrl(url: string): boolean {
  const protocol = new URL(url).protocol;
  return protocol === "http:" || protocol === "https:";
}

/** Tells whether the analysis so far finds an error on this kind of response. */
function failsOn(
  exchange: Exchange,
  response: "preflight" | "redirect" | "actual",
  options: CheckOptions,
): boolean {
  const analysis = analyzeExchange(exchange, {
    credentials: options.credentials,
  });
  return analysis.findings.some(
    (finding) => finding.severity === "error" && finding.response === response,
  );
}

function baseRecord(
  id: string,
  page: PageRequest,
  method: string,
  headers: HeaderList,
  startTime: number,
): RequestRecord {
  return {
    id,
    url: page.url,
    method,
    type: "xmlhttprequest",
    tabId: -1,
    frameId: 0,
    initiator: page.origin,
    requestHeadersSeen: true,
    requestHeaders: headers,
    statusCode: null,
    responseHeaders: [],
    redirects: [],
    error: null,
    inFlight: false,
    startTime,
    endTime: null,
  };
}

function exchangeOf(
  page: PageRequest,
  actual: RequestRecord,
  preflight: RequestRecord | null,
): Exchange {
  return {
    id: actual.id,
    tabId: -1,
    origin: page.origin,
    actual,
    preflight,
    preflightSource: preflight === null ? "not-needed" : "sent",
  };
}
