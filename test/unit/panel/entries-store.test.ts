import { afterEach, describe, expect, it, vi } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import { CapturedEntries } from "../../../src/devtools/captured-entries";
import type { HarEntryFacts } from "../../../src/har/read-har-entry";
import { pairExchanges } from "../../../src/pairing/pair-exchanges";
import { createExchangeStore } from "../../../src/panel/exchange-store";
import { createEntryPairing } from "../../../src/panel/pair-entries";
import type { AnalyzedExchange } from "../../../src/report/analyzed-exchange";
import {
  actualWithoutAllowOrigin,
  authorizationNotAllowed,
  passingPut,
  preflightWithoutCorsHeaders,
  wildcardWithCredentials,
} from "../devtools/finished-entries";

/** Reads HAR entries as the devtools page does, numbered in the order given. */
function capturedFacts(
  harEntries: readonly unknown[],
  captured = new CapturedEntries(1_000),
): HarEntryFacts[] {
  return harEntries.map((entry) => captured.add(entry).entry);
}

function setUp() {
  const frames: (() => void)[] = [];
  const analyze = vi.fn(analyzeExchange);
  const store = createExchangeStore({
    pairExchanges,
    pairEntries: createEntryPairing(),
    analyzeExchange: analyze,
    requestFrame: (callback) => frames.push(callback),
  });
  const runFrames = () => {
    for (const callback of frames.splice(0)) callback();
  };
  const listed = () => store.getState().entries;
  return { store, runFrames, analyze, listed };
}

function byPath(
  listed: readonly AnalyzedExchange[],
  path: string,
): AnalyzedExchange {
  const match = listed.find(
    (entry) => new URL(entry.exchange.actual.url).pathname === path,
  );
  if (match === undefined) throw new Error(`no exchange for ${path}`);
  return match;
}

function paths(listed: readonly AnalyzedExchange[]): string[] {
  return listed.map((entry) => new URL(entry.exchange.actual.url).pathname);
}

const CLASSIC_FAILURES = [
  ...preflightWithoutCorsHeaders(0),
  ...actualWithoutAllowOrigin(1_000),
  ...wildcardWithCredentials(2_000),
  ...authorizationNotAllowed(3_000),
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe("exchange store fed with HAR entries", () => {
  it.each([
    [
      "/api/preflight-without-cors-headers",
      "PreflightMissingAllowOriginHeader",
    ],
    ["/api/headers-only-on-preflight", "MissingAllowOriginHeader"],
    ["/api/wildcard-with-credentials", "WildcardOriginNotAllowed"],
    ["/api/authorization-not-allowed", "HeaderDisallowedByPreflightResponse"],
  ])("blocks %s with %s", (path, chromiumError) => {
    const { store, runFrames, listed } = setUp();

    store.receive({
      type: "snapshot",
      tabId: 12,
      records: [],
      entries: capturedFacts(CLASSIC_FAILURES),
    });
    runFrames();

    const { analysis } = byPath(listed(), path);
    expect(analysis.verdict).toBe("blocked");
    expect(analysis.browsers.chromium.error).toBe(chromiumError);
  });

  it("pairs each preflight entry with its request", () => {
    const { store, runFrames, listed } = setUp();

    store.receive({
      type: "snapshot",
      tabId: 12,
      records: [],
      entries: capturedFacts(CLASSIC_FAILURES),
    });
    runFrames();

    expect(paths(listed())).toEqual([
      "/api/preflight-without-cors-headers",
      "/api/headers-only-on-preflight",
      "/api/wildcard-with-credentials",
      "/api/authorization-not-allowed",
    ]);
    const preflighted = listed().filter(
      (entry) => entry.exchange.preflightSource === "sent",
    );
    expect(preflighted).toHaveLength(3);
    for (const { exchange } of preflighted) {
      expect(exchange.preflight?.method).toBe("OPTIONS");
      expect(exchange.preflight?.url).toBe(exchange.actual.url);
    }
  });

  it("allows a passing PUT", () => {
    const { store, runFrames, listed } = setUp();

    store.receive({
      type: "entries",
      entries: capturedFacts(passingPut("/api/items/1", 0)),
    });
    runFrames();

    const { analysis, exchange } = byPath(listed(), "/api/items/1");
    expect(analysis.verdict).toBe("allowed");
    expect(exchange.preflightSource).toBe("sent");
  });

  it("keeps the analysis of unchanged exchanges", () => {
    const { store, runFrames, analyze, listed } = setUp();
    const captured = new CapturedEntries(1_000);
    store.receive({
      type: "snapshot",
      tabId: 12,
      records: [],
      entries: capturedFacts(CLASSIC_FAILURES, captured),
    });
    runFrames();
    const before = listed();
    expect(before).toHaveLength(4);
    analyze.mockClear();

    store.receive({
      type: "entries",
      entries: capturedFacts(passingPut("/api/items/1", 9_000), captured),
      keptFrom: 0,
      dropped: 0,
    });
    runFrames();

    const after = listed();
    expect(after).toHaveLength(5);
    for (const earlier of before) {
      const path = new URL(earlier.exchange.actual.url).pathname;
      expect(byPath(after, path).analysis, path).toBe(earlier.analysis);
    }
    expect(analyze).toHaveBeenCalledOnce();
    expect(analyze.mock.calls[0]?.[0].actual.url).toContain("/api/items/1");
  });

  it("analyzes again when the request finishes after its preflight", () => {
    const { store, runFrames, listed } = setUp();
    const captured = new CapturedEntries(1_000);
    const [preflight, put] = passingPut("/api/items/1", 0);
    store.receive({
      type: "entries",
      entries: capturedFacts(
        [...wildcardWithCredentials(0), preflight],
        captured,
      ),
    });
    runFrames();
    const wildcard = byPath(listed(), "/api/wildcard-with-credentials");

    store.receive({ type: "entries", entries: capturedFacts([put], captured) });
    runFrames();

    const { exchange, analysis } = byPath(listed(), "/api/items/1");
    expect(exchange.preflightSource).toBe("sent");
    expect(analysis.verdict).toBe("allowed");
    expect(byPath(listed(), "/api/wildcard-with-credentials")).toBe(wildcard);
  });

  it("removes the entries before keptFrom", () => {
    const { store, runFrames, listed } = setUp();
    const captured = new CapturedEntries(1_000);
    store.receive({
      type: "snapshot",
      tabId: 12,
      records: [],
      entries: capturedFacts(CLASSIC_FAILURES, captured),
    });
    runFrames();

    // The first exchange is entries 0 and 1, the second entries 2 and 3.
    store.receive({
      type: "entries",
      entries: capturedFacts(passingPut("/api/items/1", 9_000), captured),
      keptFrom: 4,
      dropped: 2,
    });
    runFrames();

    expect(paths(listed())).toEqual([
      "/api/wildcard-with-credentials",
      "/api/authorization-not-allowed",
      "/api/items/1",
    ]);
    expect(store.getState().droppedCount).toBe(2);
  });

  it("lists preflights among the records", () => {
    const { store, runFrames } = setUp();

    store.receive({
      type: "entries",
      entries: capturedFacts(passingPut("/api/items/1", 0)),
    });
    runFrames();

    expect(store.getRecords().map((record) => record.method)).toEqual([
      "PUT",
      "OPTIONS",
    ]);
  });

  it("empties the list when the capture is cleared", () => {
    const { store, runFrames, listed } = setUp();
    store.receive({
      type: "entries",
      entries: capturedFacts(CLASSIC_FAILURES),
    });
    runFrames();

    store.receive({ type: "cleared" });
    runFrames();

    expect(listed()).toEqual([]);
    expect(store.getRecords()).toEqual([]);
  });
});
