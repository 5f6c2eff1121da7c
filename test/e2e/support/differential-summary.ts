import type { HeaderList } from "../../../src/model/header";
import type {
  JsonReportExchange,
  JsonReportRequest,
} from "../../../src/report/json-report";
import type { ObservedVerdict } from "./differential-scenarios";

/** Response headers that decide a CORS check, and `Location` for redirects. */
function corsHeaders(headers: HeaderList): string {
  const lines = headers
    .filter((header) => {
      const name = header.name.toLowerCase();
      return name.startsWith("access-control-") || name === "location";
    })
    .map((header) => `${header.name}: ${header.value}`);
  return lines.length === 0 ? "no CORS headers" : lines.join(" | ");
}

/** Request headers that show the origin, the credentials and the preflight's questions. */
function requestFacts(request: JsonReportRequest): string {
  if (!request.requestHeadersSeen) return "request headers not seen";
  const facts = request.requestHeaders
    .filter((header) => {
      const name = header.name.toLowerCase();
      return name === "origin" || name.startsWith("access-control-request-");
    })
    .map((header) => `${header.name}: ${header.value}`);
  const hasCookie = request.requestHeaders.some(
    (header) => header.name.toLowerCase() === "cookie",
  );
  facts.push(hasCookie ? "Cookie sent" : "no Cookie");
  return facts.join(" | ");
}

function describeRequest(label: string, request: JsonReportRequest): string[] {
  const lines = [
    `${label}: ${request.method} ${request.url} -> ${String(request.status)}${
      request.error === null ? "" : ` (${request.error})`
    }`,
    `  sent: ${requestFacts(request)}`,
  ];
  for (const hop of request.redirects) {
    lines.push(
      `  redirect ${hop.statusCode} at ${hop.url}: ${corsHeaders(hop.responseHeaders)}`,
    );
  }
  lines.push(`  received: ${corsHeaders(request.responseHeaders)}`);
  return lines;
}

/**
 * Describes what the analyzer saw and concluded, for assertion messages: the
 * CORS headers of every response, the browsers' verdicts and the findings.
 */
export function summarizeExchange(
  exchange: JsonReportExchange,
  observed: ObservedVerdict,
  browser: string,
): string {
  const lines = [
    `${browser} observed: ${observed.verdict}${
      observed.error === undefined
        ? " (no reason given)"
        : `, ${String(observed.error)}`
    }`,
    `analyzer: chromium ${exchange.browsers.chromium.verdict} ${String(
      exchange.browsers.chromium.error,
    )}, firefox ${exchange.browsers.firefox.verdict} ${String(
      exchange.browsers.firefox.error,
    )}, credentials ${exchange.credentials.mode} (${exchange.credentials.basis})`,
    `preflight source: ${exchange.preflightSource}`,
  ];
  if (exchange.preflight !== null) {
    lines.push(...describeRequest("preflight", exchange.preflight));
  }
  lines.push(...describeRequest("actual", exchange.actual));
  const findings = exchange.findings.map(
    (finding) =>
      `${finding.rule} (${finding.severity}, ${finding.response}, chromium ${String(
        finding.chromium,
      )}, firefox ${String(finding.firefox)})`,
  );
  lines.push(
    `findings: ${findings.length === 0 ? "none" : findings.join("; ")}`,
  );
  return lines.join("\n");
}
