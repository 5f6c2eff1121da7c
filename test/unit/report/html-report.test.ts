import { describe, expect, it } from "vitest";
import { buildJsonReport } from "../../../src/report/build-json-report";
import {
  renderHtmlReport,
  REPORT_CONTENT_SECURITY_POLICY,
} from "../../../src/report/html-report";
import { REPORT_STYLESHEET } from "../../../src/report/html-report-style";
import {
  allowedRedirectedExchange,
  blockedPreflightExchange,
} from "./analyzed-exchanges";
import { HOSTILE_VALUES, hostileExchange } from "./hostile-exchange";
import {
  attribute,
  byTag,
  parseHtml,
  present,
  tableRows,
  textOf,
} from "./html-structure";

const OPTIONS = {
  generatedAt: "2025-03-01T10:05:00.000Z",
  toolVersion: "9.8.7",
  redact: false,
};

function render(
  entries = [blockedPreflightExchange(), allowedRedirectedExchange()],
) {
  return renderHtmlReport(buildJsonReport(entries, OPTIONS));
}

describe("renderHtmlReport", () => {
  const elements = parseHtml(render());

  it("sets a Content Security Policy that allows only inline styles", () => {
    const csp = byTag(elements, "meta").find(
      (meta) => attribute(meta, "http-equiv") === "Content-Security-Policy",
    );

    expect(attribute(present(csp), "content")).toBe(
      REPORT_CONTENT_SECURITY_POLICY,
    );
    expect(REPORT_CONTENT_SECURITY_POLICY).toMatch(
      /^default-src 'none'; style-src 'unsafe-inline'/,
    );
  });

  it("contains no script and nothing that loads", () => {
    for (const tag of [
      "script",
      "iframe",
      "object",
      "embed",
      "img",
      "link",
      "base",
      "form",
    ]) {
      expect(byTag(elements, tag)).toEqual([]);
    }
    for (const element of elements) {
      for (const attr of element.attrs) {
        expect(attr.name.startsWith("on")).toBe(false);
        expect(["src", "href", "action"]).not.toContain(attr.name);
      }
    }
  });

  it("has a print stylesheet", () => {
    const [style] = byTag(elements, "style");

    expect(textOf(present(style))).toContain("@media print");
    expect(REPORT_STYLESHEET).not.toMatch(/[<&"']/);
  });

  it("has a summary and one section per failing exchange", () => {
    expect(byTag(elements, "h2").map(textOf)).toEqual([
      "Summary",
      "1. Blocked: PUT https://api.example.test/items/7",
    ]);
    expect(byTag(elements, "h1").map(textOf)).toEqual(["CORS Lens report"]);
  });

  it("lists every exchange in the summary table", () => {
    const [summary] = byTag(elements, "table");
    const rows = tableRows(present(summary));

    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      "1",
      "blocked",
      "PUT",
      "https://api.example.test/items/7",
      "204",
      "net::ERR_FAILED",
      "PreflightMissingAllowOriginHeader",
      "CORSMissingAllowOrigin",
      "Access-Control-Allow-Origin is missing",
    ]);
  });

  it("puts preflight and actual headers side by side", () => {
    const headers = tableRows(present(byTag(elements, "table")[1]));

    expect(headers[0]).toEqual(["", "Preflight", "Actual request"]);
    expect(headers).toContainEqual(["Allow", "GET, PUT", ""]);
    expect(headers).toContainEqual([
      "Access-Control-Allow-Origin",
      "missing, expected https://app.example.test",
      "",
    ]);
  });

  it("marks the cell at fault", () => {
    const faults = elements.filter(
      (element) => attribute(element, "class") === "fault",
    );

    expect(faults.map(textOf)).toEqual([
      "missing, expected https://app.example.test",
      "missing, expected Origin",
    ]);
  });

  it("lists the findings with their fix", () => {
    const findings = elements.filter((element) =>
      attribute(element, "class")?.startsWith("finding "),
    );

    expect(findings.map((finding) => attribute(finding, "data-rule"))).toEqual([
      "allow-origin-missing",
      "vary-origin-missing",
    ]);
    expect(textOf(present(findings[0]))).toContain(
      "Fix: Send Access-Control-Allow-Origin with the page's origin.",
    );
  });

  it("says whether secrets were redacted", () => {
    const redaction = elements.find(
      (element) => attribute(element, "class") === "redaction",
    );

    expect(attribute(present(redaction), "data-redacted")).toBe("false");
    expect(textOf(present(redaction))).toContain("Secrets were not redacted");
  });
});

describe("HTML escaping", () => {
  const html = render([hostileExchange()]);
  const elements = parseHtml(html);

  it("shows each hostile value as text in its own cell", () => {
    const headers = tableRows(present(byTag(elements, "table")[1]));
    HOSTILE_VALUES.forEach((value, index) => {
      expect(headers).toContainEqual([`X-Hostile-${index}`, "", value]);
    });
  });

  it("lets no value create an element or attribute", () => {
    expect(byTag(elements, "script")).toEqual([]);
    expect(byTag(elements, "img")).toEqual([]);
    expect(byTag(elements, "svg")).toEqual([]);
    expect(byTag(elements, "em")).toEqual([]);
    for (const element of elements) {
      for (const attr of element.attrs) {
        expect(attr.name.startsWith("on")).toBe(false);
      }
    }
  });

  it("keeps findings and assumptions as text", () => {
    const text = textOf(present(byTag(elements, "body")[0]));

    expect(text).toContain(
      "Explained with <em>markup</em> and | pipes | and `ticks`.",
    );
    expect(text).toContain(
      "Fix with [a link](https://evil.test) and <script>x()</script>.",
    );
    expect(text).toContain("Assumed <b>bold</b> | piped.");
    expect(text).toContain("Value: <svg onload=alert(1)>; expected: a|b");
  });
});
