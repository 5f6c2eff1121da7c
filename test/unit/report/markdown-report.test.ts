import { describe, expect, it } from "vitest";
import { buildJsonReport } from "../../../src/report/build-json-report";
import { renderMarkdownReport } from "../../../src/report/markdown-report";
import {
  allowedRedirectedExchange,
  blockedPreflightExchange,
} from "./analyzed-exchanges";
import { HOSTILE_VALUES, hostileExchange } from "./hostile-exchange";
import { readMarkdown } from "./markdown-structure";

const OPTIONS = {
  generatedAt: "2025-03-01T10:05:00.000Z",
  toolVersion: "9.8.7",
  redact: false,
};

function render(
  entries = [blockedPreflightExchange(), allowedRedirectedExchange()],
) {
  return renderMarkdownReport(buildJsonReport(entries, OPTIONS));
}

/** Markdown cannot keep line breaks in a table cell, so the renderer flattens them. */
const flattened = (value: string) => value.replace(/[\r\n\t]+/g, " ");

describe("renderMarkdownReport", () => {
  it("has a title, a summary and one section per failing exchange", () => {
    const { headings } = readMarkdown(render());

    expect(headings.map((heading) => [heading.level, heading.text])).toEqual([
      [1, "CORS Lens report"],
      [2, "Summary"],
      [2, "1. Blocked: PUT https://api.example.test/items/7"],
      [3, "Preflight and actual request"],
      [3, "Findings"],
      [3, "Assumptions"],
    ]);
  });

  it("lists every exchange in the summary table", () => {
    const [summary] = readMarkdown(render()).tables;

    expect(summary?.[0]).toEqual([
      "#",
      "Verdict",
      "Method",
      "URL",
      "Preflight",
      "Status",
      "Chromium error",
      "Firefox error",
      "Main finding",
    ]);
    expect(summary?.slice(1)).toEqual([
      [
        "1",
        "blocked",
        "PUT",
        "https://api.example.test/items/7",
        "204",
        "net::ERR_FAILED",
        "PreflightMissingAllowOriginHeader",
        "CORSMissingAllowOrigin",
        "Access-Control-Allow-Origin is missing",
      ],
      [
        "2",
        "allowed",
        "GET",
        "https://api.example.test/old",
        "none",
        "200",
        "",
        "",
        "",
      ],
    ]);
  });

  it("puts preflight and actual headers side by side", () => {
    const headers = readMarkdown(render()).tables[1] ?? [];

    expect(headers[0]).toEqual(["", "Preflight", "Actual request"]);
    expect(headers).toContainEqual([
      "Request",
      "OPTIONS https://api.example.test/items/7",
      "PUT https://api.example.test/items/7",
    ]);
    expect(headers).toContainEqual(["Status", "204", "net::ERR_FAILED"]);
    expect(headers).toContainEqual([
      "Access-Control-Request-Method",
      "PUT",
      "",
    ]);
    expect(headers).toContainEqual(["Allow", "GET, PUT", ""]);
  });

  it("marks a missing header at fault with the expected value", () => {
    const headers = readMarkdown(render()).tables[1] ?? [];

    expect(headers).toContainEqual([
      "Access-Control-Allow-Origin (at fault)",
      "missing, expected https://app.example.test",
      "",
    ]);
  });

  it("gives each finding its explanation and fix", () => {
    const { listItems } = readMarkdown(render());

    expect(listItems).toContain(
      "**Error: Access-Control-Allow-Origin is missing** (Access-Control-Allow-Origin on the preflight response)",
    );
    expect(listItems).toContain(
      "**Fix:** Send Access-Control-Allow-Origin with the page's origin.",
    );
    expect(listItems).toContain(
      "Chromium: PreflightMissingAllowOriginHeader; Firefox: CORSMissingAllowOrigin",
    );
  });

  it("says whether secrets were redacted", () => {
    const kept = render();
    const redacted = renderMarkdownReport(
      buildJsonReport([blockedPreflightExchange()], {
        ...OPTIONS,
        redact: true,
      }),
    );

    expect(kept).toContain("Secrets were not redacted");
    expect(redacted).toContain("Secrets were redacted");
  });

  it("writes no section for an exchange without findings", () => {
    const { headings } = readMarkdown(render([allowedRedirectedExchange()]));

    expect(headings.map((heading) => heading.text)).toEqual([
      "CORS Lens report",
      "Summary",
    ]);
  });

  it("says so when there is nothing to report", () => {
    expect(render([])).toContain("No cross-origin requests were recorded.");
  });
});

describe("Markdown escaping", () => {
  const text = render([hostileExchange()]);
  const document = readMarkdown(text);

  it("keeps each hostile value in its own cell, unchanged", () => {
    const headers = document.tables[1] ?? [];
    HOSTILE_VALUES.forEach((value, index) => {
      expect(headers).toContainEqual([
        `X-Hostile-${index}`,
        "",
        flattened(value),
      ]);
    });
  });

  it("keeps every table row at three cells", () => {
    for (const row of document.tables[1] ?? []) {
      expect(row).toHaveLength(3);
    }
  });

  it("lets no value start a heading or close a table", () => {
    expect(document.headings.map((heading) => heading.text)).not.toContain(
      "heading",
    );
    expect(document.headings.map((heading) => heading.text)).not.toContain(
      "not a heading",
    );
  });

  it("leaves no raw HTML, code span or link", () => {
    for (const line of document.lines) {
      expect(line).not.toMatch(/(?<!\\)</);
      expect(line).not.toMatch(/(?<!\\)`/);
      expect(line).not.toMatch(/(?<!\\)\[/);
      expect(line).not.toMatch(/(?<!\\)&/);
    }
  });

  it("escapes findings, URLs and assumptions too", () => {
    expect(document.listItems).toContain(
      "Explained with <em>markup</em> and | pipes | and `ticks`.",
    );
    expect(document.listItems).toContain("Assumed <b>bold</b> | piped.");
    expect(document.tables[0]?.[1]?.[3]).toBe(
      "https://api.example.test/items?q=<b>|x|</b>",
    );
  });
});
