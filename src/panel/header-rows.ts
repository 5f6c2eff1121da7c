import type { Finding, ResponseRole, Severity } from "../model/analysis";
import { headerValue, type HeaderList } from "../model/header";
import type { RedirectHop } from "../model/request-record";

/** The finding that puts a header at fault, as shown on its row. */
export interface HeaderFault {
  readonly rule: string;
  readonly severity: Severity;
  /** A value that would have passed, or null when none applies. */
  readonly expected: string | null;
}

/** One row of a header table. */
export interface HeaderRow {
  readonly name: string;
  /** The value received, or null on the placeholder row of a header that is missing. */
  readonly value: string | null;
  /** True for headers the CORS checks read, shown first. */
  readonly cors: boolean;
  readonly fault: HeaderFault | null;
  /** True on the first row of a header at fault: it shows the expected value. */
  readonly primary: boolean;
}

/** True for `Access-Control-*`, `Origin` and `Vary`, the headers CORS reads. */
export function isCorsHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower.startsWith("access-control-") ||
    lower === "origin" ||
    lower === "vary"
  );
}

/**
 * Lays out a header list for display: CORS headers and headers at fault first, each
 * group in received order. A finding's header gets its row highlighted, or a placeholder
 * row when the header is missing. When two findings name one header, the first one
 * (errors come before warnings) wins.
 */
export function headerRows(
  headers: HeaderList,
  findings: readonly Finding[] = [],
): HeaderRow[] {
  const faults = new Map<string, Finding>();
  for (const finding of findings) {
    if (finding.header === null) continue;
    const key = finding.header.toLowerCase();
    if (!faults.has(key)) faults.set(key, finding);
  }

  const shownFaults = new Set<string>();
  const rows: HeaderRow[] = [];
  for (const header of headers) {
    const key = header.name.toLowerCase();
    const finding = faults.get(key);
    rows.push({
      name: header.name,
      value: header.value,
      cors: isCorsHeader(header.name),
      fault: finding === undefined ? null : toFault(finding),
      primary: finding !== undefined && !shownFaults.has(key),
    });
    shownFaults.add(key);
  }

  const placeholders: HeaderRow[] = [];
  for (const [key, finding] of faults) {
    if (shownFaults.has(key) || finding.header === null) continue;
    placeholders.push({
      name: finding.header,
      value: finding.value,
      cors: isCorsHeader(finding.header),
      fault: toFault(finding),
      primary: true,
    });
  }

  const first = rows.filter((row) => row.cors || row.fault !== null);
  const rest = rows.filter((row) => !row.cors && row.fault === null);
  return [...placeholders, ...first, ...rest];
}

function toFault(finding: Finding): HeaderFault {
  return {
    rule: finding.rule,
    severity: finding.severity,
    expected: finding.expected,
  };
}

/** Returns the findings about the given response. */
export function findingsAbout(
  findings: readonly Finding[],
  response: ResponseRole,
): Finding[] {
  return findings.filter((finding) => finding.response === response);
}

/**
 * Splits `redirect` findings among the hops. A finding names no hop, so it goes to the
 * first hop whose header value equals the finding's value (absent when the value is
 * null), or to the last hop when none matches.
 */
export function findingsByRedirectHop(
  hops: readonly RedirectHop[],
  findings: readonly Finding[],
): Finding[][] {
  const byHop = hops.map((): Finding[] => []);
  for (const finding of findingsAbout(findings, "redirect")) {
    const index = hops.findIndex(
      (hop) =>
        finding.header !== null &&
        headerValue(hop.responseHeaders, finding.header) === finding.value,
    );
    const target = byHop[index === -1 ? byHop.length - 1 : index];
    target?.push(finding);
  }
  return byHop;
}
