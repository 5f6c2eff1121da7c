import { describe, expect, it } from "vitest";
import { CapturedEntries } from "../../../src/devtools/captured-entries";
import type { HarEntryFacts } from "../../../src/har/read-har-entry";
import { createEntryPairing } from "../../../src/panel/pair-entries";
import {
  API_ORIGIN,
  authorizationNotAllowed,
  corsRequestHeaders,
  finishedEntry,
  passingPut,
} from "../devtools/finished-entries";

function capture() {
  const captured = new CapturedEntries(1_000);
  const facts: HarEntryFacts[] = [];
  return {
    facts,
    add: (harEntries: readonly unknown[]) => {
      for (const entry of harEntries) facts.push(captured.add(entry).entry);
    },
  };
}

describe("createEntryPairing", () => {
  it("reuses the earlier record objects for unchanged entries", () => {
    const pairEntries = createEntryPairing();
    const { facts, add } = capture();
    add(passingPut("/api/items/1", 0));
    const first = pairEntries(facts);

    add(passingPut("/api/items/2", 1_000));
    const second = pairEntries(facts);

    expect(second.records).toHaveLength(4);
    for (const record of first.records) {
      expect(second.records.find((next) => next.id === record.id)).toBe(record);
    }
    expect(second.exchanges[0]?.actual).toBe(first.exchanges[0]?.actual);
    expect(second.exchanges[0]?.preflight).toBe(first.exchanges[0]?.preflight);
  });

  it("reuses the record of a request its preflight blocked", () => {
    const pairEntries = createEntryPairing();
    const { facts, add } = capture();
    add(authorizationNotAllowed(0));
    const first = pairEntries(facts);
    expect(first.exchanges[0]?.actual.requestHeadersSeen).toBe(false);

    add(passingPut("/api/items/2", 1_000));
    const second = pairEntries(facts);

    expect(second.exchanges[0]?.actual).toBe(first.exchanges[0]?.actual);
  });

  it("makes a new record when a redirect hop is followed", () => {
    const pairEntries = createEntryPairing();
    const { facts, add } = capture();
    const headers = corsRequestHeaders();
    add([
      finishedEntry({
        url: `${API_ORIGIN}/api/moved`,
        startMs: 0,
        requestHeaders: headers,
        status: 302,
        statusText: "Found",
        responseHeaders: [
          ["Access-Control-Allow-Origin", "*"],
          ["Location", "/api/moved-here"],
        ],
        redirectURL: "/api/moved-here",
      }),
    ]);
    const first = pairEntries(facts);
    expect(first.records[0]?.statusCode).toBe(302);

    add([
      finishedEntry({
        url: `${API_ORIGIN}/api/moved-here`,
        startMs: 3,
        requestHeaders: headers,
        status: 200,
        statusText: "OK",
        responseHeaders: [["Access-Control-Allow-Origin", "*"]],
      }),
    ]);
    const second = pairEntries(facts);

    expect(second.records).toHaveLength(1);
    expect(second.records[0]).not.toBe(first.records[0]);
    expect(second.records[0]?.id).toBe(first.records[0]?.id);
    expect(second.records[0]?.statusCode).toBe(200);
    expect(second.records[0]?.redirects).toHaveLength(1);
  });

  it("forgets records whose entries are gone", () => {
    const pairEntries = createEntryPairing();
    const { facts, add } = capture();
    add(passingPut("/api/items/1", 0));
    const first = pairEntries(facts);

    pairEntries([]);
    const again = pairEntries(facts);

    expect(again.records[0]).not.toBe(first.records[0]);
    expect(again.records[0]).toEqual(first.records[0]);
  });
});
