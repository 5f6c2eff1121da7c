import { describe, expect, it } from "vitest";
import type { Exchange } from "../../../src/model/exchange";
import type { AnalyzedExchange } from "../../../src/report/build-json-report";
import {
  naturalSortKey,
  nextSort,
  sortExchanges,
} from "../../../src/panel/exchange-sort";
import {
  analysis,
  blockedAnalysis,
  finding,
  requestRecord,
} from "../report/analyzed-exchanges";

function entry(
  id: string,
  fields: {
    readonly url?: string;
    readonly method?: string;
    readonly statusCode?: number | null;
    readonly preflightSource?: Exchange["preflightSource"];
    readonly analysis?: AnalyzedExchange["analysis"];
  } = {},
): AnalyzedExchange {
  const actual = requestRecord({
    id,
    url: fields.url ?? "https://api.example.test/items",
    method: fields.method ?? "GET",
    statusCode: fields.statusCode === undefined ? 200 : fields.statusCode,
  });
  return {
    exchange: {
      id,
      tabId: 3,
      origin: "https://app.example.test",
      actual,
      preflight: null,
      preflightSource: fields.preflightSource ?? "not-needed",
    },
    analysis: fields.analysis ?? analysis(),
  };
}

function ids(entries: readonly AnalyzedExchange[]): string[] {
  return entries.map((item) => item.exchange.id);
}

describe("sortExchanges", () => {
  it("returns the same array without a sort", () => {
    const entries = [entry("1"), entry("2")];

    expect(sortExchanges(entries, null)).toBe(entries);
  });

  it("sorts URLs with numbers in numeric order", () => {
    const entries = [
      entry("a", { url: "https://api.example.test/items/10" }),
      entry("b", { url: "https://api.example.test/items/9" }),
      entry("c", { url: "https://api.example.test/items/100" }),
    ];

    expect(
      ids(sortExchanges(entries, { column: "url", direction: "ascending" })),
    ).toEqual(["b", "a", "c"]);
    expect(
      ids(sortExchanges(entries, { column: "url", direction: "descending" })),
    ).toEqual(["c", "a", "b"]);
  });

  it("sorts status codes as numbers", () => {
    const entries = [
      entry("a", { statusCode: 500 }),
      entry("b", { statusCode: 99 }),
      entry("c", { statusCode: 204 }),
    ];

    expect(
      ids(
        sortExchanges(entries, {
          column: "actualStatus",
          direction: "ascending",
        }),
      ),
    ).toEqual(["b", "c", "a"]);
  });

  it("keeps the original order of equal cells in both directions", () => {
    const entries = [
      entry("1", { method: "PUT" }),
      entry("2", { method: "GET" }),
      entry("3", { method: "PUT" }),
      entry("4", { method: "GET" }),
    ];

    expect(
      ids(sortExchanges(entries, { column: "method", direction: "ascending" })),
    ).toEqual(["2", "4", "1", "3"]);
    expect(
      ids(
        sortExchanges(entries, { column: "method", direction: "descending" }),
      ),
    ).toEqual(["1", "3", "2", "4"]);
  });

  it("sorts by verdict, preflight and main finding", () => {
    const entries = [
      entry("1", {
        analysis: blockedAnalysis([finding()]),
        preflightSource: "sent",
      }),
      entry("2", { preflightSource: "cached" }),
      entry("3"),
    ];

    expect(
      ids(
        sortExchanges(entries, { column: "verdict", direction: "descending" }),
      ),
    ).toEqual(["1", "2", "3"]);
    expect(
      ids(
        sortExchanges(entries, { column: "preflight", direction: "ascending" }),
      ),
    ).toEqual(["2", "3", "1"]);
    expect(
      ids(
        sortExchanges(entries, { column: "finding", direction: "descending" }),
      ),
    ).toEqual(["1", "2", "3"]);
  });

  it("ignores case", () => {
    const entries = [
      entry("a", { url: "https://api.example.test/b" }),
      entry("b", { url: "https://api.example.test/A" }),
    ];

    expect(
      ids(sortExchanges(entries, { column: "url", direction: "ascending" })),
    ).toEqual(["b", "a"]);
  });
});

describe("nextSort", () => {
  it("sorts a new column ascending", () => {
    expect(nextSort(null, "url")).toEqual({
      column: "url",
      direction: "ascending",
    });
    expect(
      nextSort({ column: "method", direction: "descending" }, "url"),
    ).toEqual({ column: "url", direction: "ascending" });
  });

  it("turns ascending into descending, then no sort", () => {
    const ascending = nextSort(null, "url");
    const descending = nextSort(ascending, "url");

    expect(descending).toEqual({ column: "url", direction: "descending" });
    expect(nextSort(descending, "url")).toBeNull();
  });
});

describe("naturalSortKey", () => {
  it("orders shorter numbers first", () => {
    expect(naturalSortKey("a9") < naturalSortKey("a10")).toBe(true);
    expect(naturalSortKey("a10") < naturalSortKey("a100")).toBe(true);
    expect(naturalSortKey("a2b") < naturalSortKey("a2c")).toBe(true);
  });

  it("orders a number before a letter", () => {
    expect(naturalSortKey("a123") < naturalSortKey("ab")).toBe(true);
  });

  it("compares lower case", () => {
    expect(naturalSortKey("ABC")).toBe(naturalSortKey("abc"));
  });
});
