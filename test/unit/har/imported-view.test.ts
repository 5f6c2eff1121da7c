import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import { createImportedStore } from "../../../src/panel/imported-store";
import { importHarFixture } from "./har-fixtures";

describe("panel view of an imported HAR", () => {
  const har = importHarFixture("chrome-lab.har");

  it("shows the imported exchanges at once, with their analysis", () => {
    const store = createImportedStore(har, (exchange) =>
      analyzeExchange(exchange),
    );
    const entries = store.getState().entries;

    expect(entries.map((entry) => entry.exchange.id)).toEqual(
      har.exchanges.map((exchange) => exchange.id),
    );
    expect(
      entries.filter((entry) => entry.analysis.verdict === "blocked"),
    ).toHaveLength(4);
  });

  it("keeps the HAR's pairing of preflights", () => {
    const store = createImportedStore(har, (exchange) =>
      analyzeExchange(exchange),
    );
    const unsent = store
      .getState()
      .entries.find((entry) =>
        entry.exchange.actual.url.endsWith("/authorization-not-allowed"),
      );

    expect(unsent?.exchange.preflightSource).toBe("sent");
  });

  it("gives every record for HAR export", () => {
    const store = createImportedStore(har, (exchange) =>
      analyzeExchange(exchange),
    );

    expect(store.getRecords()).toHaveLength(har.records.length);
  });

  it("lets a request be selected", () => {
    const store = createImportedStore(har, (exchange) =>
      analyzeExchange(exchange),
    );
    const first = har.exchanges[0]?.id ?? "";
    store.select(first);

    expect(store.getState().selectedId).toBe(first);
  });
});
