import { describe, expect, it } from "vitest";
import { entriesInScope } from "../../../src/report/export-scope";
import {
  allowedRedirectedExchange,
  blockedPreflightExchange,
} from "./analyzed-exchanges";

const entries = [blockedPreflightExchange(), allowedRedirectedExchange()];
const ids = (list: readonly { exchange: { id: string } }[]) =>
  list.map((entry) => entry.exchange.id);

describe("entriesInScope", () => {
  it("keeps every entry for all", () => {
    expect(ids(entriesInScope(entries, "all", null))).toEqual(["42", "50"]);
  });

  it("keeps the blocked entries for failing", () => {
    expect(ids(entriesInScope(entries, "failing", null))).toEqual(["42"]);
  });

  it("keeps the selected entry", () => {
    expect(ids(entriesInScope(entries, "selected", "50"))).toEqual(["50"]);
  });

  it("keeps nothing when nothing is selected", () => {
    expect(entriesInScope(entries, "selected", null)).toEqual([]);
  });
});
