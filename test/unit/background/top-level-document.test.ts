import { describe, expect, it } from "vitest";
import { startsTopLevelDocument } from "../../../src/background/top-level-document";
import type { WebRequestEvent } from "../../../src/background/web-request-details";
import { mainFrameResponse, type MainFrameResponse } from "./navigation-events";

const TAB = 4;

function response(given: MainFrameResponse): WebRequestEvent {
  return mainFrameResponse(TAB, 1_000, given);
}

function failure(error: string): WebRequestEvent {
  const { details } = mainFrameResponse(TAB, 1_000);
  return {
    event: "onErrorOccurred",
    details: {
      ...details,
      statusCode: undefined,
      responseHeaders: undefined,
      error,
    },
  };
}

describe("startsTopLevelDocument", () => {
  it.each([
    ["an HTML page", {}],
    ["a 404 error page", { statusCode: 404 }],
    ["a page without a Content-Type", { headers: [] }],
    [
      "a JSON document",
      { headers: [{ name: "content-type", value: "application/json" }] },
    ],
    [
      "an SVG image",
      { headers: [{ name: "Content-Type", value: "image/svg+xml" }] },
    ],
    [
      "an inline Content-Disposition",
      {
        headers: [
          { name: "Content-Type", value: "text/html" },
          { name: "Content-Disposition", value: "inline" },
        ],
      },
    ],
    ["a 304 without Location", { statusCode: 304 }],
  ] satisfies [string, MainFrameResponse][])("accepts %s", (_name, given) => {
    expect(startsTopLevelDocument(response(given))).toBe(true);
  });

  it.each([
    ["a 204 response", { statusCode: 204 }],
    ["a 205 response", { statusCode: 205 }],
    [
      "a redirect",
      { statusCode: 302, headers: [{ name: "Location", value: "/next" }] },
    ],
    [
      "a download by Content-Disposition",
      {
        headers: [
          { name: "Content-Type", value: "text/plain" },
          {
            name: "Content-Disposition",
            value: 'Attachment; filename="a.txt"',
          },
        ],
      },
    ],
    [
      "a binary download",
      {
        headers: [{ name: "Content-Type", value: "application/octet-stream" }],
      },
    ],
    ["a subframe's page", { type: "sub_frame" }],
    ["a page prerendered in another frame", { frameId: 7 }],
    [
      "a script",
      { type: "script", headers: [{ name: "Content-Type", value: "text/js" }] },
    ],
  ] satisfies [string, MainFrameResponse][])("rejects %s", (_name, given) => {
    expect(startsTopLevelDocument(response(given))).toBe(false);
  });

  it("ignores the request's other events", () => {
    const { details } = response({});
    for (const event of [
      "onBeforeRequest",
      "onSendHeaders",
      "onBeforeRedirect",
      "onCompleted",
    ] as const) {
      expect(startsTopLevelDocument({ event, details })).toBe(false);
    }
  });

  it("accepts a failure that shows an error page", () => {
    expect(startsTopLevelDocument(failure("net::ERR_CONNECTION_REFUSED"))).toBe(
      true,
    );
    expect(startsTopLevelDocument(failure("NS_ERROR_UNKNOWN_HOST"))).toBe(true);
  });

  it("rejects a cancelled navigation", () => {
    expect(startsTopLevelDocument(failure("net::ERR_ABORTED"))).toBe(false);
    expect(startsTopLevelDocument(failure("NS_BINDING_ABORTED"))).toBe(false);
  });
});
