import { describe, expect, it } from "vitest";
import type { AnalyzedExchange } from "../../../src/report/build-json-report";
import {
  filterExchanges,
  isFilterActive,
  NO_FILTER,
  resourceTypeGroup,
  type ExchangeFilter,
} from "../../../src/panel/exchange-filter";
import {
  analysis,
  blockedAnalysis,
  finding,
  requestRecord,
} from "../report/analyzed-exchanges";

/** Returns an exchange whose actual request has the given fields. */
function entry(
  id: string,
  fields: {
    readonly url?: string;
    readonly method?: string;
    readonly type?: string;
    readonly origin?: string | null;
    readonly initiator?: string | null;
    readonly analysis?: AnalyzedExchange["analysis"];
  } = {},
): AnalyzedExchange {
  const actual = requestRecord({
    id,
    url: fields.url ?? `https://api.example.test/items/${id}`,
    method: fields.method ?? "GET",
    type: fields.type ?? "xmlhttprequest",
    initiator:
      fields.initiator === undefined
        ? "https://app.example.test"
        : fields.initiator,
  });
  return {
    exchange: {
      id,
      tabId: 3,
      origin:
        fields.origin === undefined
          ? "https://app.example.test"
          : fields.origin,
      actual,
      preflight: null,
      preflightSource: "not-needed",
    },
    analysis: fields.analysis ?? analysis(),
  };
}

const warned = analysis({
  findings: [finding({ rule: "vary-origin-missing", severity: "warning" })],
});
const blocked = blockedAnalysis([finding()]);

function ids(entries: readonly AnalyzedExchange[]): string[] {
  return entries.map((item) => item.exchange.id);
}

function filter(fields: Partial<ExchangeFilter>): ExchangeFilter {
  return { ...NO_FILTER, ...fields };
}

describe("filterExchanges", () => {
  it("returns the same array without a filter", () => {
    const entries = [entry("1"), entry("2")];

    expect(filterExchanges(entries, NO_FILTER)).toBe(entries);
    expect(filterExchanges(entries, filter({ text: "   " }))).toBe(entries);
  });

  it("matches the URL ignoring case", () => {
    const entries = [
      entry("1", { url: "https://api.example.test/Users" }),
      entry("2", { url: "https://api.example.test/orders" }),
    ];

    expect(ids(filterExchanges(entries, filter({ text: "uSERS" })))).toEqual([
      "1",
    ]);
  });

  it("matches the method", () => {
    const entries = [entry("1", { method: "DELETE" }), entry("2")];

    expect(ids(filterExchanges(entries, filter({ text: "delete" })))).toEqual([
      "1",
    ]);
  });

  it("matches the Origin and the initiator", () => {
    const entries = [
      entry("1", { origin: "https://shop.test", initiator: null }),
      entry("2", { origin: null, initiator: "https://blog.test" }),
      entry("3"),
    ];

    expect(
      ids(filterExchanges(entries, filter({ text: "shop.test" }))),
    ).toEqual(["1"]);
    expect(ids(filterExchanges(entries, filter({ text: "BLOG" })))).toEqual([
      "2",
    ]);
  });

  it("matches a finding's rule id and title", () => {
    const entries = [entry("1", { analysis: warned }), entry("2")];

    expect(
      ids(filterExchanges(entries, filter({ text: "vary-origin-missing" }))),
    ).toEqual(["1"]);
    expect(
      ids(filterExchanges(entries, filter({ text: "without vary" }))),
    ).toEqual(["1"]);
  });

  it("requires every word", () => {
    const entries = [
      entry("1", { method: "PUT", url: "https://api.example.test/alpha" }),
      entry("2", { method: "GET", url: "https://api.example.test/alpha" }),
      entry("3", { method: "PUT", url: "https://api.example.test/beta" }),
    ];

    expect(
      ids(filterExchanges(entries, filter({ text: "put alpha" }))),
    ).toEqual(["1"]);
  });

  it("matches no word across two fields", () => {
    const entries = [
      entry("1", { method: "GET", url: "https://api.example.test/x" }),
    ];

    expect(filterExchanges(entries, filter({ text: "gethttps" }))).toHaveLength(
      0,
    );
  });

  it("keeps only blocked exchanges when failing only", () => {
    const entries = [
      entry("1", { analysis: blocked }),
      entry("2", { analysis: warned }),
      entry("3"),
    ];

    expect(
      ids(filterExchanges(entries, filter({ failingOnly: true }))),
    ).toEqual(["1"]);
  });

  it("keeps only exchanges with warnings", () => {
    const entries = [
      entry("1", { analysis: blocked }),
      entry("2", { analysis: warned }),
      entry("3"),
    ];

    expect(
      ids(filterExchanges(entries, filter({ warningsOnly: true }))),
    ).toEqual(["2"]);
  });

  it("adds up failing and warnings", () => {
    const entries = [
      entry("1", { analysis: blocked }),
      entry("2", { analysis: warned }),
      entry("3"),
    ];

    expect(
      ids(
        filterExchanges(
          entries,
          filter({ failingOnly: true, warningsOnly: true }),
        ),
      ),
    ).toEqual(["1", "2"]);
  });

  it("keeps only the chosen resource type", () => {
    const entries = [
      entry("1", { type: "font" }),
      entry("2", { type: "xmlhttprequest" }),
      entry("3", { type: "media" }),
    ];

    expect(
      ids(filterExchanges(entries, filter({ resourceType: "font" }))),
    ).toEqual(["1"]);
    expect(
      ids(filterExchanges(entries, filter({ resourceType: "fetch" }))),
    ).toEqual(["2"]);
    expect(
      ids(filterExchanges(entries, filter({ resourceType: "other" }))),
    ).toEqual(["3"]);
  });

  it("combines the text with the toggles and the type", () => {
    const entries = [
      entry("1", { type: "font", analysis: blocked }),
      entry("2", { type: "font", analysis: blocked, method: "POST" }),
      entry("3", { type: "script", analysis: blocked }),
      entry("4", { type: "font" }),
    ];

    expect(
      ids(
        filterExchanges(
          entries,
          filter({ text: "get", failingOnly: true, resourceType: "font" }),
        ),
      ),
    ).toEqual(["1"]);
  });

  it("keeps the order of the entries", () => {
    const entries = [entry("3"), entry("1"), entry("2")];

    expect(ids(filterExchanges(entries, filter({ text: "get" })))).toEqual([
      "3",
      "1",
      "2",
    ]);
  });
});

describe("isFilterActive", () => {
  it("is false for the empty filter and blank text", () => {
    expect(isFilterActive(NO_FILTER)).toBe(false);
    expect(isFilterActive(filter({ text: " \t" }))).toBe(false);
  });

  it("is true for each control", () => {
    expect(isFilterActive(filter({ text: "a" }))).toBe(true);
    expect(isFilterActive(filter({ failingOnly: true }))).toBe(true);
    expect(isFilterActive(filter({ warningsOnly: true }))).toBe(true);
    expect(isFilterActive(filter({ resourceType: "image" }))).toBe(true);
  });
});

describe("resourceTypeGroup", () => {
  it("groups webRequest types as the Network panel does", () => {
    expect(resourceTypeGroup("xmlhttprequest")).toBe("fetch");
    expect(resourceTypeGroup("font")).toBe("font");
    expect(resourceTypeGroup("script")).toBe("script");
    expect(resourceTypeGroup("stylesheet")).toBe("stylesheet");
    expect(resourceTypeGroup("image")).toBe("image");
    expect(resourceTypeGroup("imageset")).toBe("image");
    expect(resourceTypeGroup("media")).toBe("other");
    expect(resourceTypeGroup("ping")).toBe("other");
    expect(resourceTypeGroup("other")).toBe("other");
  });
});
