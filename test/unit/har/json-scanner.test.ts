import { describe, expect, it } from "vitest";
import {
  JsonScanner,
  JsonSyntaxError,
  type CapturedElement,
} from "../../../src/har/json-scanner";

/** Scans `text` split into the given chunks; returns elements and skeleton. */
function scan(
  chunks: readonly string[],
  capturedArrays: readonly (readonly string[])[] = [["log", "entries"]],
): { elements: CapturedElement[]; skeleton: string } {
  const elements: CapturedElement[] = [];
  const scanner = new JsonScanner({
    capturedArrays,
    onElement: (element) => elements.push(element),
  });
  for (const chunk of chunks) scanner.push(chunk);
  return { elements, skeleton: scanner.end() };
}

function scanError(text: string): JsonSyntaxError {
  try {
    scan([text]);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
  throw new Error(`No syntax error for ${text}`);
}

const HAR = `{
  "log": {
    "version": "1.2",
    "creator": {"name": "x", "version": "1"},
    "entries": [
      {"request": {"url": "https://a.test/\\"q\\"", "n": [1, -2.5e3, true, null]}},
      "text with \\u00e9 and ] and }",
      42
    ],
    "comment": "after"
  }
}`;

describe("JsonScanner", () => {
  it("hands out each entry as JSON text", () => {
    const { elements } = scan([HAR]);

    expect(elements.map((element) => element.value)).toEqual([
      { request: { url: 'https://a.test/"q"', n: [1, -2500, true, null] } },
      "text with é and ] and }",
      42,
    ]);
    expect(elements.every((element) => element.path === "log.entries")).toBe(
      true,
    );
  });

  it("keeps the rest of the document as the skeleton", () => {
    const { skeleton } = scan([HAR]);

    expect(JSON.parse(skeleton)).toEqual({
      log: {
        version: "1.2",
        creator: { name: "x", version: "1" },
        entries: [],
        comment: "after",
      },
    });
  });

  it("gives the same result for every split into two chunks", () => {
    const whole = scan([HAR]);
    for (let split = 0; split <= HAR.length; split += 1) {
      const parts = scan([HAR.slice(0, split), HAR.slice(split)]);
      expect(parts.skeleton).toBe(whole.skeleton);
      expect(parts.elements).toEqual(whole.elements);
    }
  });

  it("gives the same result one character at a time", () => {
    const whole = scan([HAR]);
    const single = scan([...HAR]);

    expect(single).toEqual(whole);
  });

  it("reports where each entry starts", () => {
    const { elements } = scan([HAR]);

    expect(elements.map((element) => element.location)).toEqual([
      { line: 6, column: 7 },
      { line: 7, column: 7 },
      { line: 8, column: 7 },
    ]);
  });

  it("captures only arrays at the requested path", () => {
    const text =
      '{"entries": [1], "log": {"other": {"entries": [2]}, "entries": [3]}}';
    const { elements, skeleton } = scan([text]);

    expect(elements.map((element) => element.value)).toEqual([3]);
    expect(JSON.parse(skeleton)).toEqual({
      entries: [1],
      log: { other: { entries: [2] }, entries: [] },
    });
  });

  it("captures several paths at once", () => {
    const { elements } = scan(
      ['{"exchanges": [{"id": "1"}], "log": {"entries": [{"id": "2"}]}}'],
      [["log", "entries"], ["exchanges"]],
    );

    expect(elements.map((element) => [element.path, element.value])).toEqual([
      ["exchanges", { id: "1" }],
      ["log.entries", { id: "2" }],
    ]);
  });

  it("decodes escaped keys on the path", () => {
    const { elements } = scan(['{"l\\u006fg": {"entri\\u0065s": [7]}}']);

    expect(elements.map((element) => element.value)).toEqual([7]);
  });

  it("skips a byte order mark", () => {
    const { skeleton } = scan(['\ufeff{"log": {"entries": []}}']);

    expect(JSON.parse(skeleton)).toEqual({ log: { entries: [] } });
  });

  it.each([
    ['{"log": {"entries": [1, 2', "Unexpected end", 1, 26],
    ['{"a": 1,}', 'Unexpected "}"', 1, 9],
    ['{"a" 1}', 'expected ":"', 1, 6],
    ["[1 2]", 'expected "," or "]"', 1, 4],
    ['{"a": tru}', "Invalid value", 1, 7],
    ['{"a": 01}', "Invalid number", 1, 7],
    ['{"a": "b\nc"}', "control character", 1, 9],
    ['{"a": "\\x"}', "Invalid escape", 1, 9],
    ['{"a": "\\u12G4"}', "Invalid \\u escape", 1, 12],
    ['{"a": 1}\n{"b": 2}', "after the end of the document", 2, 1],
    ['{"a": 1]', 'expected "," or "}"', 1, 8],
    ["", "Unexpected end", 1, 1],
    ['{"a": "b', "inside a string (it is truncated)", 1, 9],
    ['{"log": {"entries": [{"a": 1,}]}}', 'Unexpected "}"', 1, 30],
    ['{"log": {"entries": [\n  {"a":\n   tru}\n]}}', "Invalid value", 3, 4],
    ['{"log": {"entries": [{"a": "b', "inside a string", 1, 30],
    ['{"log": {"entries": [{"a": [1', "Unexpected end", 1, 30],
    [
      '{"log": {"entries": [{"a": 1}, {"b": 2]]}}',
      'expected "," or "}"',
      1,
      39,
    ],
  ])("rejects %j: %s at %i:%i", (text, problem, line, column) => {
    const error = scanError(text);

    expect(error.problem).toContain(problem);
    expect(error.location).toEqual({ line, column });
  });

  it("locates an error in a later chunk", () => {
    const scanner = new JsonScanner({
      capturedArrays: [],
      onElement: () => {},
    });
    scanner.push('{\n  "a": 1,\n');
    let caught: unknown;
    try {
      scanner.push('  "b": ]\n}');
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(JsonSyntaxError);
    expect((caught as JsonSyntaxError).location).toEqual({
      line: 3,
      column: 8,
    });
  });
});
