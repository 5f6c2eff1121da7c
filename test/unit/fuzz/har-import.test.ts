import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import {
  HarFormatError,
  JsonSyntaxError,
  importHarText,
  type ImportedHar,
} from "../../../src/har/import-har";
import { harFixtureText } from "../har/har-fixtures";

/** A fixed seed makes every failure replayable. */
const SEED = 20_261_204;

/** Runs per property; set CORS_LENS_FUZZ_RUNS to run more. */
const RUNS = Number(process.env.CORS_LENS_FUZZ_RUNS ?? "300");

/** Time each property may take: a few milliseconds per run, with room for a slow machine. */
vi.setConfig({ testTimeout: Math.max(30_000, RUNS * 40) });

const options = { seed: SEED, numRuns: RUNS };

type ImportOutcome =
  { readonly imported: ImportedHar } | { readonly rejected: string };

/**
 * Imports the text and analyzes every exchange. A rejection must be one of the two
 * errors that the panel and the command line show as a message. Any other error
 * escapes and fails the property.
 */
function importAndAnalyze(text: string): ImportOutcome {
  let imported: ImportedHar;
  try {
    imported = importHarText(text);
  } catch (error) {
    if (error instanceof HarFormatError || error instanceof JsonSyntaxError) {
      return { rejected: `${error.name}: ${error.message}` };
    }
    throw error;
  }
  for (const exchange of imported.exchanges) analyzeExchange(exchange);
  return { imported };
}

const headerName = fc.oneof(
  fc.constantFrom(
    "Origin",
    "Access-Control-Allow-Origin",
    "Access-Control-Allow-Methods",
    "Access-Control-Allow-Headers",
    "Access-Control-Allow-Credentials",
    "Access-Control-Request-Method",
    "Access-Control-Request-Headers",
    "Access-Control-Expose-Headers",
    "Access-Control-Max-Age",
    "Content-Type",
    "Location",
    "Vary",
  ),
  fc.string({ maxLength: 12 }),
);

const headerValue = fc.oneof(
  fc.constantFrom(
    "*",
    "null",
    "true",
    "http://127.0.0.1:4100",
    "http://127.0.0.1:4101",
    "GET, PUT",
    "authorization, x-api-key",
    "application/json",
  ),
  fc.string({ maxLength: 24, unit: "binary" }),
);

/**
 * Returns the arbitrary, or with `wrong` set, one that is sometimes a value of another
 * type, as a hand-edited HAR file may have.
 */
function sometimes<T>(
  wrong: boolean,
  value: fc.Arbitrary<T>,
): fc.Arbitrary<unknown> {
  if (!wrong) return value;
  return fc.oneof(
    { weight: 12, arbitrary: value },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
  );
}

const url = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      "http://127.0.0.1:4101/api/a",
      "http://127.0.0.1:4101/api/b",
      "http://localhost:4102/api/c",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

function harEntry(wrong: boolean): fc.Arbitrary<unknown> {
  const header = sometimes(
    wrong,
    fc.record({ name: headerName, value: headerValue }),
  );
  const headers = sometimes(wrong, fc.array(header, { maxLength: 6 }));
  const requestHeaders = fc
    .tuple(fc.option(fc.constantFrom("http://127.0.0.1:4100", "null")), headers)
    .map(([origin, rest]) =>
      origin === null || !Array.isArray(rest)
        ? rest
        : [{ name: "Origin", value: origin }, ...(rest as unknown[])],
    );
  return sometimes(
    wrong,
    fc.record(
      {
        startedDateTime: sometimes(
          wrong,
          fc
            .integer({ min: 1_700_000_000_000, max: 1_700_000_009_999 })
            .map((ms) => new Date(ms).toISOString()),
        ),
        _resourceType: fc.constantFrom("fetch", "xhr", "preflight", "font"),
        _initiator: sometimes(
          wrong,
          fc.record({ type: fc.constantFrom("script", "preflight", "other") }),
        ),
        request: sometimes(
          wrong,
          fc.record({
            method: sometimes(
              wrong,
              fc.constantFrom("GET", "POST", "PUT", "OPTIONS", "DELETE"),
            ),
            url: sometimes(wrong, url),
            headers: requestHeaders,
          }),
        ),
        response: sometimes(
          wrong,
          fc.record({
            status: sometimes(
              wrong,
              fc.constantFrom(0, 200, 204, 307, 401, 500),
            ),
            headers,
            redirectURL: fc.oneof(fc.constant(""), url),
            _error: fc.option(fc.constantFrom("net::ERR_FAILED", "CORS error")),
          }),
        ),
      },
      { requiredKeys: wrong ? [] : ["startedDateTime", "request", "response"] },
    ),
  );
}

function harDocument(wrong: boolean): fc.Arbitrary<string> {
  return fc
    .array(harEntry(wrong), { maxLength: 12 })
    .map((entries) => JSON.stringify({ log: { version: "1.2", entries } }));
}

const fixtures = ["chrome-lab.har", "firefox-lab.har"].map(harFixtureText);

/** A real HAR file cut, spliced or with one character replaced. */
const damagedFixture = fc
  .tuple(
    fc.constantFrom(...fixtures),
    fc.nat(),
    fc.nat({ max: 200 }),
    fc.string({ maxLength: 4 }),
  )
  .map(([text, at, length, inserted]) => {
    const start = at % (text.length + 1);
    return text.slice(0, start) + inserted + text.slice(start + length);
  });

describe.each([
  ["well-formed generated HAR documents", harDocument(false)],
  ["generated HAR documents with fields of the wrong type", harDocument(true)],
  ["damaged real HAR files", damagedFixture],
  ["arbitrary text", fc.string({ maxLength: 200 })],
  ["arbitrary JSON", fc.json({ maxDepth: 4 })],
])("HAR import of %s", (_kind, documents) => {
  it("imports or rejects with a message, and never throws anything else", () => {
    fc.assert(
      fc.property(documents, (text) => {
        importAndAnalyze(text);
      }),
      options,
    );
  });

  it("gives the same result for the same text", () => {
    fc.assert(
      fc.property(documents, (text) => {
        expect(importAndAnalyze(text)).toEqual(importAndAnalyze(text));
      }),
      options,
    );
  });
});

describe("HAR import of generated documents", () => {
  it("keeps each imported request in at most one exchange as its actual request", () => {
    fc.assert(
      fc.property(harDocument(false), (text) => {
        const outcome = importAndAnalyze(text);
        if (!("imported" in outcome)) {
          throw new Error(
            `a well-formed document was rejected: ${outcome.rejected}`,
          );
        }
        const actualIds = outcome.imported.exchanges.map((e) => e.actual.id);
        expect(new Set(actualIds).size).toBe(actualIds.length);
        const recordIds = new Set(outcome.imported.records.map((r) => r.id));
        for (const id of actualIds) expect(recordIds.has(id)).toBe(true);
      }),
      options,
    );
  });
});
