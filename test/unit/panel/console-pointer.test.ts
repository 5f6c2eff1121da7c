import { describe, expect, it } from "vitest";
import {
  chromiumPointer,
  findingSubjects,
  firefoxPointer,
  firstInvalidElement,
} from "../../../src/panel/console-pointer";
import type { RequestedVsAllowedRow } from "../../../src/report/requested-vs-allowed";
import { finding } from "../report/analyzed-exchanges";

const ALLOW_HEADERS = "Access-Control-Allow-Headers";

function headerNotAllowed() {
  return finding({
    rule: "header-not-allowed",
    response: "preflight",
    header: ALLOW_HEADERS,
    value: "Content-Type",
    expected: "Content-Type, authorization, x-trace",
    chromium: "HeaderDisallowedByPreflightResponse",
    firefox: "CORSMissingAllowHeaderFromPreflight",
  });
}

function row(fields: Partial<RequestedVsAllowedRow>): RequestedVsAllowedRow {
  return {
    check: "headers",
    response: "preflight",
    requested: null,
    header: ALLOW_HEADERS,
    allowed: null,
    denied: [],
    outcome: "fail",
    reason: "",
    ...fields,
  };
}

describe("chromiumPointer", () => {
  it("reports a missing Allow-Origin", () => {
    expect(chromiumPointer(finding(), null)).toEqual({
      header: "Access-Control-Allow-Origin",
      kind: "absent",
      value: null,
    });
  });

  it("quotes a mismatched value, preflight name included", () => {
    const mismatch = finding({
      rule: "allow-origin-mismatch",
      value: "https://other.test",
      chromium: "PreflightAllowOriginMismatch",
    });

    expect(chromiumPointer(mismatch, null)).toEqual({
      header: "Access-Control-Allow-Origin",
      kind: "received",
      value: "https://other.test",
    });
  });

  it("treats a missing Allow-Credentials value as absent", () => {
    const credentials = finding({
      rule: "allow-credentials-invalid",
      header: "Access-Control-Allow-Credentials",
      value: null,
      chromium: "InvalidAllowCredentials",
    });

    expect(chromiumPointer(credentials, null)?.kind).toBe("absent");
  });

  it("names the rejected request header", () => {
    expect(chromiumPointer(headerNotAllowed(), "authorization")).toEqual({
      header: ALLOW_HEADERS,
      kind: "request-header",
      value: "authorization",
    });
  });

  it("gives the preflight status", () => {
    const status = finding({
      rule: "preflight-status",
      header: null,
      value: "401",
      chromium: "PreflightInvalidStatus",
    });

    expect(chromiumPointer(status, null)).toEqual({
      header: null,
      kind: "status",
      value: "401",
    });
  });

  it("returns null without a Chromium error", () => {
    expect(chromiumPointer(finding({ chromium: null }), null)).toBeNull();
    expect(
      chromiumPointer(finding({ chromium: "SomethingNew" }), null),
    ).toBeNull();
  });
});

describe("firefoxPointer", () => {
  it("quotes no value for two Allow-Origin lines", () => {
    const multiple = finding({
      rule: "allow-origin-multiple",
      value: "https://a.test, https://b.test",
      firefox: "CORSMultipleAllowOriginNotAllowed",
    });

    expect(firefoxPointer(multiple, null)).toEqual({
      header: "Access-Control-Allow-Origin",
      kind: "none",
      value: null,
    });
  });

  it("names no method when the method is missing", () => {
    const method = finding({
      rule: "method-not-allowed",
      header: "Access-Control-Allow-Methods",
      value: "GET",
      firefox: "CORSMethodNotFound",
    });

    expect(firefoxPointer(method, "PUT")?.value).toBeNull();
    expect(
      chromiumPointer(
        { ...method, chromium: "MethodDisallowedByPreflightResponse" },
        "PUT",
      )?.value,
    ).toBe("PUT");
  });

  it("quotes the first invalid list element", () => {
    const invalid = finding({
      rule: "allow-methods-invalid",
      header: "Access-Control-Allow-Methods",
      value: "GET, PUT;DELETE, (x)",
      firefox: "CORSInvalidAllowMethod",
    });

    expect(firefoxPointer(invalid, null)).toEqual({
      header: "Access-Control-Allow-Methods",
      kind: "invalid-element",
      value: "PUT;DELETE",
    });
  });
});

describe("firstInvalidElement", () => {
  it("skips empty elements and tokens", () => {
    expect(firstInvalidElement("GET, , X-A; X-B")).toBe("X-A; X-B");
    expect(firstInvalidElement("GET,,PUT")).toBeNull();
    expect(firstInvalidElement(null)).toBeNull();
  });
});

describe("findingSubjects", () => {
  it("gives each header finding its own denied name", () => {
    const findings = [finding(), headerNotAllowed(), headerNotAllowed()];
    const rows = [row({ denied: ["authorization", "x-trace"] })];

    expect(findingSubjects(findings, rows)).toEqual([
      null,
      "authorization",
      "x-trace",
    ]);
  });

  it("lists every denied name when counts differ", () => {
    const rows = [row({ denied: ["authorization", "x-trace"] })];

    expect(findingSubjects([headerNotAllowed()], rows)).toEqual([
      "authorization, x-trace",
    ]);
  });

  it("takes the method from the method row", () => {
    const method = finding({ rule: "method-not-allowed" });
    const rows = [row({ check: "method", requested: "PATCH" })];

    expect(findingSubjects([method], rows)).toEqual(["PATCH"]);
  });
});
