import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import { renderTextReport, PLAIN_STYLE } from "../../../src/cli/text-report";
import { buildHarLog } from "../../../src/har/export-har";
import { importHarText } from "../../../src/har/import-har";
import type { Exchange } from "../../../src/model/exchange";
import type { RequestRecord } from "../../../src/model/request-record";
import type { AnalyzedExchange } from "../../../src/report/analyzed-exchange";
import { buildJsonReport } from "../../../src/report/build-json-report";
import {
  REPORT_FORMATS,
  renderReport,
} from "../../../src/report/render-report";
import { requestRecord } from "./analyzed-exchanges";

interface Secret {
  readonly place: string;
  readonly name: string;
  readonly value: string;
}

const corpusPath = fileURLToPath(
  new URL("../../fixtures/secrets/secrets.json", import.meta.url),
);
const SECRETS = (
  JSON.parse(readFileSync(corpusPath, "utf8")) as { secrets: Secret[] }
).secrets;

function secret(place: string): string {
  const found = SECRETS.find((entry) => entry.place === place);
  if (found === undefined) throw new Error(`No secret for ${place}`);
  return found.value;
}

const PAGE = "https://app.example.test";
const API = "https://api.example.test";
const QUERY = SECRETS.filter((entry) => entry.place.startsWith("query "))
  .map((entry) => `${entry.name}=${entry.value}`)
  .join("&");
const URL_WITH_SECRETS = `${API}/items?page=2&${QUERY}`;
const REFERER = `${PAGE}/page?session=${secret("Referer query session")}`;

function records(): {
  preflight: RequestRecord;
  actual: RequestRecord;
  other: RequestRecord;
} {
  const preflight = requestRecord({
    id: "11",
    url: URL_WITH_SECRETS,
    method: "OPTIONS",
    requestHeaders: [
      { name: "Origin", value: PAGE },
      { name: "Access-Control-Request-Method", value: "PUT" },
      {
        name: "Access-Control-Request-Headers",
        value: "authorization,x-api-key,x-auth-token,x-csrf-token",
      },
      { name: "Referer", value: REFERER },
    ],
    statusCode: 204,
    responseHeaders: [
      { name: "Access-Control-Allow-Origin", value: PAGE },
      { name: "Access-Control-Allow-Methods", value: "PUT" },
      {
        name: "Access-Control-Allow-Headers",
        value: "Authorization, X-Api-Key, X-Auth-Token, X-CSRF-Token",
      },
      { name: "Access-Control-Allow-Credentials", value: "true" },
    ],
    startTime: Date.UTC(2025, 2, 1, 10, 0, 0, 5),
  });
  const loginUrl = `${API}/login?token=${secret("redirect Location query token")}`;
  const actual = requestRecord({
    id: "10",
    url: `${URL_WITH_SECRETS}#access_token=${secret("URL fragment access_token")}`,
    method: "PUT",
    requestHeaders: [
      { name: "Origin", value: PAGE },
      {
        name: "Authorization",
        value: `Bearer ${secret("request header Authorization (Bearer)")}`,
      },
      {
        name: "Proxy-Authorization",
        value: `Basic ${secret("request header Proxy-Authorization (Basic)")}`,
      },
      {
        name: "Cookie",
        value: `sessionid=${secret("request header Cookie")}; csrftoken=${secret("request header Cookie, second pair")}`,
      },
      { name: "X-Api-Key", value: secret("request header X-Api-Key") },
      { name: "X-Auth-Token", value: secret("request header X-Auth-Token") },
      { name: "X-CSRF-Token", value: secret("request header X-CSRF-Token") },
      { name: "Referer", value: REFERER },
      { name: "Sec-Fetch-Mode", value: "cors" },
    ],
    redirects: [
      {
        url: URL_WITH_SECRETS,
        statusCode: 307,
        responseHeaders: [
          {
            name: "Location",
            value: `/login?token=${secret("redirect Location query token")}`,
          },
          {
            name: "Set-Cookie",
            value: `hop=${secret("redirect response header Set-Cookie")}; Path=/`,
          },
          { name: "Access-Control-Allow-Origin", value: PAGE },
          { name: "Access-Control-Allow-Credentials", value: "true" },
        ],
        redirectUrl: loginUrl,
      },
    ],
    statusCode: 200,
    responseHeaders: [
      {
        name: "Set-Cookie",
        value: `auth=${secret("response header Set-Cookie")}; Path=/; Secure; SameSite=None`,
      },
      {
        name: "X-Amz-Security-Token",
        value: secret("response header X-Amz-Security-Token"),
      },
    ],
    error: "net::ERR_FAILED",
    startTime: Date.UTC(2025, 2, 1, 10, 0, 0, 0),
  });
  const other = requestRecord({
    id: "20",
    url: `https://user:${secret("URL password")}@api.example.test/private?${QUERY}`,
    requestHeaders: [
      { name: "Origin", value: PAGE },
      { name: "Sec-Fetch-Mode", value: "cors" },
    ],
    responseHeaders: [{ name: "Access-Control-Allow-Origin", value: "*" }],
    startTime: Date.UTC(2025, 2, 1, 10, 0, 1),
  });
  return { preflight, actual, other };
}

function analyzed(): { records: RequestRecord[]; entries: AnalyzedExchange[] } {
  const { preflight, actual, other } = records();
  const exchanges: Exchange[] = [
    {
      id: "10",
      tabId: 3,
      origin: PAGE,
      actual,
      preflight,
      preflightSource: "sent",
    },
    {
      id: "20",
      tabId: 3,
      origin: PAGE,
      actual: other,
      preflight: null,
      preflightSource: "not-needed",
    },
  ];
  return {
    records: [preflight, actual, other],
    entries: exchanges.map((exchange) => ({
      exchange,
      analysis: analyzeExchange(exchange),
    })),
  };
}

/** Renders every default export of the entries: the three report formats, terminal text and HAR. */
function defaultExports(
  recordList: readonly RequestRecord[],
  entries: readonly AnalyzedExchange[],
): Record<string, string> {
  const report = buildJsonReport(entries, {
    generatedAt: "2025-03-01T10:05:00.000Z",
    toolVersion: "0.0.0",
  });
  const outputs: Record<string, string> = {};
  for (const format of REPORT_FORMATS) {
    outputs[format] = renderReport(report, format);
  }
  outputs["text"] = renderTextReport(report, {
    browser: "chromium",
    style: PLAIN_STYLE,
  });
  outputs["har"] = JSON.stringify(
    buildHarLog(recordList, entries, { toolVersion: "0.0.0" }),
  );
  return outputs;
}

describe("secrets corpus", () => {
  const { records: recordList, entries } = analyzed();
  const outputs = defaultExports(recordList, entries);

  it("puts every secret into the unredacted export", () => {
    const report = buildJsonReport(entries, {
      generatedAt: "2025-03-01T10:05:00.000Z",
      toolVersion: "0.0.0",
      redact: false,
    });
    const text =
      renderReport(report, "json") +
      JSON.stringify(
        buildHarLog(recordList, entries, {
          toolVersion: "0.0.0",
          redact: false,
        }),
      );
    for (const { place, value } of SECRETS) {
      expect(text.includes(value), place).toBe(true);
    }
  });

  it("analyzes the secrets exchange with URL-bearing findings", () => {
    // The findings quote URLs, so redaction must reach the free text too.
    const explanations = entries.flatMap((entry) =>
      entry.analysis.findings.map((finding) => finding.explanation),
    );
    expect(explanations.some((text) => text.includes("/login?token="))).toBe(
      true,
    );
  });

  for (const format of ["json", "md", "html", "text", "har"]) {
    it(`leaves no secret in the ${format} export`, () => {
      const output = outputs[format] ?? "";
      const leaked = SECRETS.filter(({ value }) => output.includes(value)).map(
        ({ place }) => place,
      );
      expect(leaked).toEqual([]);
      // Markdown escapes the brackets of the marker.
      expect(output).toContain(
        format === "md" ? "\\[redacted\\]" : "[redacted]",
      );
    });
  }

  it("keeps what is no secret", () => {
    const json = outputs["json"] ?? "";

    expect(json).toContain("page=2");
    expect(json).toContain("SameSite=None");
    expect(json).toContain("Bearer [redacted]");
    expect(json).toContain("sessionid=[redacted]");
    expect(json).toContain('"redacted": true');
  });

  it("leaves no secret when a redacted HAR is imported and exported again", () => {
    const har = importHarText(outputs["har"] ?? "");
    const again = har.exchanges.map((exchange) => ({
      exchange,
      analysis: analyzeExchange(exchange),
    }));
    const second = defaultExports(har.records, again);
    for (const output of Object.values(second)) {
      for (const { place, value } of SECRETS) {
        expect(output.includes(value), place).toBe(false);
      }
    }
  });
});

describe("HAR fixtures", () => {
  it.each([
    ["chrome-lab.har", "8f14e45fceea167a5a36dedd4bea2543"],
    ["firefox-lab.har", "c4ca4238a0b923820dcc509a6f75849b"],
  ])("%s: the default exports hide %s", (name, value) => {
    const path = fileURLToPath(
      new URL(`../../fixtures/har/${name}`, import.meta.url),
    );
    const text = readFileSync(path, "utf8");
    expect(text).toContain(value);
    const har = importHarText(text);
    const entries = har.exchanges.map((exchange) => ({
      exchange,
      analysis: analyzeExchange(exchange),
    }));
    for (const output of Object.values(defaultExports(har.records, entries))) {
      expect(output).not.toContain(value);
    }
  });
});
