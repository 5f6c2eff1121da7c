import { describe, expect, it } from "vitest";
import {
  findingsByRedirectHop,
  headerRows,
  isCorsHeader,
} from "../../../src/panel/header-rows";
import { finding, PAGE_ORIGIN } from "../report/analyzed-exchanges";
import type { RedirectHop } from "../../../src/model/request-record";

describe("isCorsHeader", () => {
  it("accepts Access-Control-*, Origin and Vary in any case", () => {
    expect(isCorsHeader("Access-Control-Allow-Origin")).toBe(true);
    expect(isCorsHeader("access-control-request-method")).toBe(true);
    expect(isCorsHeader("ORIGIN")).toBe(true);
    expect(isCorsHeader("vary")).toBe(true);
  });

  it("rejects other headers", () => {
    expect(isCorsHeader("Content-Type")).toBe(false);
    expect(isCorsHeader("X-Origin")).toBe(false);
  });
});

describe("headerRows", () => {
  it("puts CORS headers first and keeps received order", () => {
    const rows = headerRows([
      { name: "Content-Type", value: "text/plain" },
      { name: "Vary", value: "Origin" },
      { name: "Date", value: "today" },
      { name: "Access-Control-Allow-Origin", value: "*" },
    ]);

    expect(rows.map((row) => row.name)).toEqual([
      "Vary",
      "Access-Control-Allow-Origin",
      "Content-Type",
      "Date",
    ]);
    expect(rows.every((row) => row.fault === null)).toBe(true);
  });

  it("adds a missing placeholder for an absent header at fault", () => {
    const rows = headerRows(
      [{ name: "Content-Type", value: "text/plain" }],
      [finding()],
    );

    expect(rows[0]).toEqual({
      name: "Access-Control-Allow-Origin",
      value: null,
      cors: true,
      fault: {
        rule: "allow-origin-missing",
        severity: "error",
        expected: PAGE_ORIGIN,
      },
      primary: true,
    });
    expect(rows).toHaveLength(2);
  });

  it("marks a present header at fault, matching its name in any case", () => {
    const rows = headerRows(
      [{ name: "access-control-allow-origin", value: "https://other.test" }],
      [finding({ rule: "allow-origin-mismatch", value: "https://other.test" })],
    );

    expect(rows).toHaveLength(1);
    expect(rows[0]?.value).toBe("https://other.test");
    expect(rows[0]?.fault?.expected).toBe(PAGE_ORIGIN);
    expect(rows[0]?.primary).toBe(true);
  });

  it("shows the expected value on the first of repeated lines only", () => {
    const rows = headerRows(
      [
        { name: "Access-Control-Allow-Origin", value: PAGE_ORIGIN },
        { name: "Access-Control-Allow-Origin", value: "*" },
      ],
      [finding({ rule: "allow-origin-multiple" })],
    );

    expect(rows.map((row) => row.fault !== null)).toEqual([true, true]);
    expect(rows.map((row) => row.primary)).toEqual([true, false]);
  });

  it("moves a non-CORS header at fault to the first group", () => {
    const rows = headerRows(
      [
        { name: "Content-Type", value: "text/html" },
        { name: "Location", value: "/login" },
      ],
      [finding({ rule: "preflight-redirect", header: "Location" })],
    );

    expect(rows.map((row) => row.name)).toEqual(["Location", "Content-Type"]);
  });

  it("keeps the first finding when two name one header", () => {
    const rows = headerRows(
      [],
      [
        finding({ expected: "first" }),
        finding({ severity: "warning", expected: "second" }),
      ],
    );

    expect(rows).toHaveLength(1);
    expect(rows[0]?.fault?.expected).toBe("first");
  });

  it("ignores findings without a header", () => {
    const rows = headerRows(
      [],
      [finding({ rule: "preflight-status", header: null })],
    );

    expect(rows).toEqual([]);
  });
});

describe("findingsByRedirectHop", () => {
  const hop = (acao: string | null): RedirectHop => ({
    url: "https://api.example.test/a",
    statusCode: 302,
    responseHeaders:
      acao === null
        ? []
        : [{ name: "Access-Control-Allow-Origin", value: acao }],
    redirectUrl: "https://api.example.test/b",
  });

  it("gives a finding to the hop with the value at fault", () => {
    const missing = finding({ response: "redirect" });
    const byHop = findingsByRedirectHop([hop("*"), hop(null)], [missing]);

    expect(byHop).toEqual([[], [missing]]);
  });

  it("gives an unmatched finding to the last hop", () => {
    const mismatch = finding({ response: "redirect", value: "https://x.test" });
    const byHop = findingsByRedirectHop([hop("*"), hop("*")], [mismatch]);

    expect(byHop).toEqual([[], [mismatch]]);
  });

  it("ignores findings about other responses", () => {
    const byHop = findingsByRedirectHop([hop(null)], [finding()]);

    expect(byHop).toEqual([[]]);
  });
});
