import { describe, expect, it } from "vitest";
import {
  HarFormatError,
  importHarText,
  JsonSyntaxError,
} from "../../../src/har/import-har";
import { chromeEntry, harText } from "./chrome-entry-builder";

function formatError(text: string): string {
  try {
    importHarText(text);
  } catch (error) {
    if (error instanceof HarFormatError) return error.message;
    throw error;
  }
  throw new Error("The HAR was accepted.");
}

const VALID = chromeEntry({ url: "https://api.example.test/", start: 0 });

function withEntry(change: (entry: Record<string, unknown>) => void): string {
  const entry = structuredClone(VALID);
  change(entry);
  return harText([entry]);
}

describe("HAR import errors", () => {
  it("reports invalid JSON with its line and column", () => {
    const text = harText([VALID]).slice(0, 120);

    expect(() => importHarText(text)).toThrow(JsonSyntaxError);
  });

  it.each([
    ["[]", 'it has no "log" object'],
    ['{"log": {}}', '"log.entries" is missing or not a list'],
    ['{"log": {"entries": {}}}', '"log.entries" is missing or not a list'],
    ['"text"', "not a JSON object"],
    ['{"log": {"entries": [7]}}', "entry 0 is not an object"],
  ])("rejects %s", (text, message) => {
    expect(formatError(text)).toContain(message);
  });

  it.each([
    [
      "a missing request",
      (entry: Record<string, unknown>) => delete entry["request"],
      "entry 0: request is missing or not an object",
    ],
    [
      "a URL that is not a string",
      (entry: Record<string, unknown>) => {
        (entry["request"] as Record<string, unknown>)["url"] = 5;
      },
      "entry 0: request.url is missing or not a string",
    ],
    [
      "a status that is not a number",
      (entry: Record<string, unknown>) => {
        (entry["response"] as Record<string, unknown>)["status"] = "200";
      },
      "entry 0: response.status is missing or not a number",
    ],
    [
      "an invalid date",
      (entry: Record<string, unknown>) => {
        entry["startedDateTime"] = "yesterday";
      },
      'entry 0: startedDateTime is not a date: "yesterday"',
    ],
    [
      "headers that are not pairs",
      (entry: Record<string, unknown>) => {
        (entry["request"] as Record<string, unknown>)["headers"] = [
          { name: "A" },
        ];
      },
      "entry 0: request.headers[0] is not a {name, value} pair of strings",
    ],
  ])("rejects %s", (_case, change, message) => {
    expect(formatError(withEntry(change))).toBe(message);
  });

  it("accepts entries without optional fields", () => {
    const har = importHarText(
      withEntry((entry) => {
        delete entry["_initiator"];
        delete entry["_resourceType"];
        delete entry["time"];
        (entry["response"] as Record<string, unknown>)["headers"] = undefined;
      }),
    );

    expect(har.records).toHaveLength(1);
    expect(har.records[0]?.type).toBe("other");
  });
});
