import { expect } from "vitest";

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  expect(typeof value, where).toBe("object");
  expect(value, where).not.toBeNull();
  expect(Array.isArray(value), where).toBe(false);
  return value as Json;
}

function fieldTypes(
  value: Json,
  fields: Record<string, string>,
  where: string,
) {
  for (const [name, type] of Object.entries(fields)) {
    const actual = Array.isArray(value[name]) ? "array" : typeof value[name];
    expect(actual, `${where}.${name}`).toBe(type);
  }
}

/**
 * Checks the fields HAR 1.2 requires, with their types, and the parts that Chromium's
 * and Firefox's DevTools importers read without a fallback (log.pages, entry.cache,
 * response.content, timings.send/wait/receive).
 */
export function expectValidHar12(har: unknown): void {
  const log = object(object(har, "har")["log"], "log");
  expect(log["version"]).toBe("1.2");
  fieldTypes(
    object(log["creator"], "log.creator"),
    { name: "string", version: "string" },
    "log.creator",
  );
  fieldTypes(log, { pages: "array", entries: "array" }, "log");
  (log["entries"] as unknown[]).forEach((value, index) => {
    const where = `entries[${index}]`;
    const entry = object(value, where);
    fieldTypes(entry, { startedDateTime: "string", time: "number" }, where);
    expect(Number.isNaN(Date.parse(entry["startedDateTime"] as string))).toBe(
      false,
    );
    expect(entry["time"] as number).toBeGreaterThanOrEqual(0);
    object(entry["cache"], `${where}.cache`);

    const request = object(entry["request"], `${where}.request`);
    fieldTypes(
      request,
      {
        method: "string",
        url: "string",
        httpVersion: "string",
        cookies: "array",
        headers: "array",
        queryString: "array",
        headersSize: "number",
        bodySize: "number",
      },
      `${where}.request`,
    );
    const response = object(entry["response"], `${where}.response`);
    fieldTypes(
      response,
      {
        status: "number",
        statusText: "string",
        httpVersion: "string",
        cookies: "array",
        headers: "array",
        content: "object",
        redirectURL: "string",
        headersSize: "number",
        bodySize: "number",
      },
      `${where}.response`,
    );
    fieldTypes(
      object(response["content"], `${where}.response.content`),
      { size: "number", mimeType: "string" },
      `${where}.response.content`,
    );
    for (const list of [
      request["headers"],
      response["headers"],
      request["queryString"],
    ]) {
      for (const pair of list as unknown[]) {
        fieldTypes(
          object(pair, where),
          { name: "string", value: "string" },
          where,
        );
      }
    }
    const timings = object(entry["timings"], `${where}.timings`);
    fieldTypes(
      timings,
      { send: "number", wait: "number", receive: "number" },
      `${where}.timings`,
    );
    for (const name of ["send", "wait", "receive"]) {
      expect(timings[name] as number).toBeGreaterThanOrEqual(0);
    }
  });
}
