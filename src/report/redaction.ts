import type { Analysis, Finding } from "../model/analysis";
import type { Exchange } from "../model/exchange";
import type { HeaderList, HttpHeader } from "../model/header";
import type { RedirectHop, RequestRecord } from "../model/request-record";
import type { AnalyzedExchange } from "./analyzed-exchange";
import { REDACTED, redactUrl, redactUrlsInText } from "./redact-url";
import { isSecretName } from "./secret-names";

export { REDACTED, redactUrl } from "./redact-url";

/** Headers whose whole value is one URL, which may carry secret query parameters. */
const URL_HEADERS = new Set(["content-location", "location", "referer"]);

/** Authorization schemes keep their name (`Bearer [redacted]`): it helps and is no secret. */
const AUTHORIZATION_HEADERS = new Set(["authorization", "proxy-authorization"]);

/** An authentication scheme name followed by its credentials (RFC 9110 section 11.4). */
const SCHEME_AND_CREDENTIALS = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)\s+\S/;

/**
 * A value shorter than this is not searched for in free text: short values such as
 * `true` or `1` appear in innocent sentences, and every URL and header that can carry
 * them is redacted by structure anyway.
 */
const MIN_SCRUBBED_SECRET_LENGTH = 8;

/**
 * Returns a copy of the analyzed exchanges with every secret replaced by `[redacted]`.
 * The secrets are the values of Authorization, Proxy-Authorization, Cookie,
 * Set-Cookie and every header whose name looks secret, and secret-looking query
 * parameters and user names in every URL. They are also replaced wherever findings,
 * explanations and assumptions quote them. The input is not changed.
 */
export function redactEntries(
  entries: readonly AnalyzedExchange[],
): AnalyzedExchange[] {
  const records = new Map<RequestRecord, RequestRecord>();
  const redactOnce = (record: RequestRecord): RequestRecord => {
    let redacted = records.get(record);
    if (redacted === undefined) {
      redacted = redactRecord(record);
      records.set(record, redacted);
    }
    return redacted;
  };
  return entries.map(({ exchange, analysis }) => {
    // An analysis only quotes the records of its own exchange.
    const secrets = collectSecrets(exchangeRecords(exchange));
    const redirectPreflights = exchange.redirectPreflights?.map(redactOnce);
    return {
      exchange: {
        ...exchange,
        actual: redactOnce(exchange.actual),
        preflight:
          exchange.preflight === null ? null : redactOnce(exchange.preflight),
        ...(redirectPreflights === undefined ? {} : { redirectPreflights }),
      },
      analysis: redactAnalysis(analysis, (text) => scrubText(text, secrets)),
    };
  });
}

/**
 * Returns the record with its URLs and headers redacted: a copy when anything
 * changed, else the record itself, so that large captures are not copied for nothing.
 */
export function redactRecord(record: RequestRecord): RequestRecord {
  const url = redactUrl(record.url);
  const requestHeaders = redactHeaders(record.requestHeaders);
  const responseHeaders = redactHeaders(record.responseHeaders);
  const redirects = record.redirects.map(redactHop);
  const unchanged =
    url === record.url &&
    requestHeaders === record.requestHeaders &&
    responseHeaders === record.responseHeaders &&
    redirects.every((hop, index) => hop === record.redirects[index]);
  if (unchanged) return record;
  return { ...record, url, requestHeaders, responseHeaders, redirects };
}

/**
 * Returns the header list with every secret value redacted: a copy when a value
 * changed, else the list itself.
 */
export function redactHeaders(headers: HeaderList): HeaderList {
  let redacted: HttpHeader[] | null = null;
  headers.forEach(({ name, value }, index) => {
    const safe = redactHeaderValue(name, value);
    if (safe === value && redacted === null) return;
    redacted ??= headers.slice(0, index);
    redacted.push({ name, value: safe });
  });
  return redacted ?? headers;
}

function redactHeaderValue(name: string, value: string): string {
  const lowerName = name.toLowerCase();
  if (AUTHORIZATION_HEADERS.has(lowerName)) {
    const scheme = SCHEME_AND_CREDENTIALS.exec(value)?.[1];
    return scheme === undefined ? REDACTED : `${scheme} ${REDACTED}`;
  }
  if (lowerName === "cookie" || lowerName === "cookie2") {
    return redactCookiePairs(value);
  }
  if (lowerName === "set-cookie" || lowerName === "set-cookie2") {
    return redactSetCookie(value);
  }
  if (isSecretName(name)) return REDACTED;
  if (URL_HEADERS.has(lowerName)) return redactUrl(value);
  return redactUrlsInText(value);
}

/** `a=1; b=2` becomes `a=[redacted]; b=[redacted]`: cookie names help and are no secret. */
function redactCookiePairs(value: string): string {
  return value
    .split(";")
    .map((pair) => {
      const equals = pair.indexOf("=");
      return equals < 0 ? REDACTED : `${pair.slice(0, equals)}=${REDACTED}`;
    })
    .join(";");
}

/**
 * Redacts the cookie's value and keeps its attributes (`Path`, `Secure`,
 * `SameSite=None`), which decide whether a cross-origin request sends the cookie.
 */
function redactSetCookie(value: string): string {
  const semicolon = value.indexOf(";");
  const pair = semicolon < 0 ? value : value.slice(0, semicolon);
  const attributes = semicolon < 0 ? "" : value.slice(semicolon);
  const equals = pair.indexOf("=");
  const redactedPair =
    equals < 0 ? REDACTED : `${pair.slice(0, equals)}=${REDACTED}`;
  return redactedPair + attributes;
}

function redactHop(hop: RedirectHop): RedirectHop {
  const url = redactUrl(hop.url);
  const responseHeaders = redactHeaders(hop.responseHeaders);
  const redirectUrl = redactUrl(hop.redirectUrl);
  const unchanged =
    url === hop.url &&
    responseHeaders === hop.responseHeaders &&
    redirectUrl === hop.redirectUrl;
  return unchanged
    ? hop
    : { url, statusCode: hop.statusCode, responseHeaders, redirectUrl };
}

function redactAnalysis(
  analysis: Analysis,
  scrub: (text: string) => string,
): Analysis {
  const redactFinding = (finding: Finding): Finding => ({
    ...finding,
    value: finding.value === null ? null : scrub(finding.value),
    expected: finding.expected === null ? null : scrub(finding.expected),
    explanation: scrub(finding.explanation),
    fix: scrub(finding.fix),
  });
  return {
    ...analysis,
    findings: analysis.findings.map(redactFinding),
    credentials: {
      ...analysis.credentials,
      reason: scrub(analysis.credentials.reason),
    },
    otherCredentialsMode:
      analysis.otherCredentialsMode === null
        ? null
        : {
            ...analysis.otherCredentialsMode,
            findings: analysis.otherCredentialsMode.findings.map(redactFinding),
          },
    assumptions: analysis.assumptions.map(scrub),
  };
}

/** Redacts the URLs in a text, then every known secret value still in it. */
function scrubText(text: string, secrets: readonly string[]): string {
  let result = redactUrlsInText(text);
  for (const secret of secrets) {
    if (result.includes(secret)) result = result.replaceAll(secret, REDACTED);
  }
  return result;
}

function exchangeRecords(exchange: Exchange): RequestRecord[] {
  const records = [exchange.actual, ...(exchange.redirectPreflights ?? [])];
  if (exchange.preflight !== null) records.push(exchange.preflight);
  return records;
}

/**
 * Lists the secret values in the records (longest first, so that a secret that
 * contains another is replaced whole), for the free-text fields that may quote them.
 */
function collectSecrets(records: readonly RequestRecord[]): string[] {
  const secrets = new Set<string>();
  const addHeaders = (headers: HeaderList): void => {
    for (const { name, value } of headers) {
      for (const secret of secretParts(name, value)) secrets.add(secret);
    }
  };
  const addUrl = (url: string): void => {
    for (const secret of secretQueryValues(url)) secrets.add(secret);
  };
  for (const record of records) {
    addUrl(record.url);
    addHeaders(record.requestHeaders);
    addHeaders(record.responseHeaders);
    for (const hop of record.redirects) {
      addUrl(hop.redirectUrl);
      addHeaders(hop.responseHeaders);
    }
  }
  return [...secrets]
    .filter((secret) => secret.length >= MIN_SCRUBBED_SECRET_LENGTH)
    .sort((left, right) => right.length - left.length);
}

/** Returns the secret parts of a header value: what redactHeaderValue replaces. */
function secretParts(name: string, value: string): string[] {
  const lowerName = name.toLowerCase();
  if (AUTHORIZATION_HEADERS.has(lowerName)) {
    const scheme = SCHEME_AND_CREDENTIALS.exec(value)?.[1];
    return scheme === undefined
      ? [value.trim()]
      : [value.trim(), value.slice(scheme.length).trim()];
  }
  if (lowerName === "cookie" || lowerName === "cookie2") {
    return value.split(";").map(pairValue);
  }
  if (lowerName === "set-cookie" || lowerName === "set-cookie2") {
    return [pairValue(value.split(";")[0] ?? "")];
  }
  return isSecretName(name) ? [value.trim()] : [];
}

/** Returns the values of the secret-looking query parameters of a URL. */
function secretQueryValues(url: string): string[] {
  const queryIndex = url.indexOf("?");
  if (queryIndex < 0) return [];
  const hashIndex = url.indexOf("#", queryIndex);
  const query = url.slice(
    queryIndex + 1,
    hashIndex < 0 ? undefined : hashIndex,
  );
  const values: string[] = [];
  for (const pair of query.split("&")) {
    const equals = pair.indexOf("=");
    if (equals >= 0 && isSecretName(pair.slice(0, equals))) {
      values.push(pair.slice(equals + 1));
    }
  }
  return values;
}

/** Returns the value of a `name=value` pair, or the whole text when it has no `=`. */
function pairValue(pair: string): string {
  const equals = pair.indexOf("=");
  return (equals < 0 ? pair : pair.slice(equals + 1)).trim();
}
