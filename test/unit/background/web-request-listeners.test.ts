import { describe, expect, it } from "vitest";
import {
  listenToWebRequest,
  type WebRequestApi,
} from "../../../src/background/web-request-listeners";
import type { WebRequestEvent } from "../../../src/background/web-request-details";

interface Registration {
  readonly event: string;
  readonly urls: readonly string[];
  readonly extraInfoSpec: readonly string[] | undefined;
  readonly listener: (details: object) => undefined;
}

const EVENTS = [
  "onBeforeRequest",
  "onSendHeaders",
  "onHeadersReceived",
  "onBeforeRedirect",
  "onCompleted",
  "onErrorOccurred",
] as const;

/**
 * Returns a webRequest that checks registrations as Firefox 153 does. It rejects
 * `extraHeaders`, a port in a match pattern, and any extraInfoSpec on onErrorOccurred.
 */
function firefoxWebRequest(registrations: Registration[]): WebRequestApi {
  const target = (event: string) => ({
    addListener(
      listener: (details: object) => undefined,
      filter: { urls: string[] },
      extraInfoSpec?: string[],
    ) {
      if (extraInfoSpec?.includes("extraHeaders")) {
        throw new Error(`Invalid enumeration value "extraHeaders"`);
      }
      if (event === "onErrorOccurred" && extraInfoSpec !== undefined) {
        throw new Error("Incorrect argument types for onErrorOccurred");
      }
      for (const url of filter.urls) {
        if (/:\/\/[^/]*:\d/.test(url)) throw new Error(`Invalid url pattern`);
      }
      registrations.push({ event, urls: filter.urls, extraInfoSpec, listener });
    },
  });
  return {
    OnSendHeadersOptions: { REQUESTHEADERS: "requestHeaders" },
    onBeforeRequest: target("onBeforeRequest"),
    onSendHeaders: target("onSendHeaders"),
    onHeadersReceived: target("onHeadersReceived"),
    onBeforeRedirect: target("onBeforeRedirect"),
    onCompleted: target("onCompleted"),
    onErrorOccurred: target("onErrorOccurred"),
  };
}

/** Returns a webRequest shaped as Chromium's, whose enumeration has EXTRA_HEADERS. */
function chromiumWebRequest(registrations: Registration[]): WebRequestApi {
  const target = (event: string) => ({
    addListener(
      listener: (details: object) => undefined,
      filter: { urls: string[] },
      extraInfoSpec?: string[],
    ) {
      registrations.push({ event, urls: filter.urls, extraInfoSpec, listener });
    },
  });
  return {
    OnSendHeadersOptions: {
      REQUEST_HEADERS: "requestHeaders",
      EXTRA_HEADERS: "extraHeaders",
    },
    onBeforeRequest: target("onBeforeRequest"),
    onSendHeaders: target("onSendHeaders"),
    onHeadersReceived: target("onHeadersReceived"),
    onBeforeRedirect: target("onBeforeRedirect"),
    onCompleted: target("onCompleted"),
    onErrorOccurred: target("onErrorOccurred"),
  };
}

describe("listenToWebRequest in Firefox", () => {
  it("registers every event without extraHeaders", () => {
    const registrations: Registration[] = [];
    listenToWebRequest(() => {}, firefoxWebRequest(registrations));
    expect(registrations.map((r) => r.event)).toEqual([...EVENTS]);
    for (const registration of registrations) {
      expect(registration.extraInfoSpec ?? []).not.toContain("extraHeaders");
    }
  });

  it("asks for the headers it records", () => {
    const registrations: Registration[] = [];
    listenToWebRequest(() => {}, firefoxWebRequest(registrations));
    const specOf = (event: string) =>
      registrations.find((r) => r.event === event)?.extraInfoSpec;
    expect(specOf("onSendHeaders")).toEqual(["requestHeaders"]);
    expect(specOf("onHeadersReceived")).toEqual(["responseHeaders"]);
    expect(specOf("onBeforeRedirect")).toEqual(["responseHeaders"]);
    expect(specOf("onErrorOccurred")).toBeUndefined();
  });

  it("forwards each event with its name", () => {
    const registrations: Registration[] = [];
    const received: WebRequestEvent[] = [];
    listenToWebRequest(
      (event) => received.push(event),
      firefoxWebRequest(registrations),
    );
    const details = { requestId: "7", error: "NS_ERROR_DOM_BAD_URI" };
    for (const registration of registrations) {
      if (registration.event === "onErrorOccurred") {
        registration.listener(details);
      }
    }
    expect(received).toEqual([{ event: "onErrorOccurred", details }]);
  });
});

describe("listenToWebRequest in Chromium", () => {
  it("adds extraHeaders where Chromium needs it", () => {
    const registrations: Registration[] = [];
    listenToWebRequest(() => {}, chromiumWebRequest(registrations));
    const specOf = (event: string) =>
      registrations.find((r) => r.event === event)?.extraInfoSpec;
    expect(specOf("onSendHeaders")).toEqual(["requestHeaders", "extraHeaders"]);
    expect(specOf("onHeadersReceived")).toEqual([
      "responseHeaders",
      "extraHeaders",
    ]);
    expect(specOf("onBeforeRedirect")).toEqual([
      "responseHeaders",
      "extraHeaders",
    ]);
  });
});

describe("header values given as byte strings", () => {
  const rtlOverrideBytes = "\u00e2\u0080\u00aegnp.exe";

  function receivedHeader(
    api: (registrations: Registration[]) => WebRequestApi,
    value: string,
  ): string | undefined {
    const registrations: Registration[] = [];
    const received: WebRequestEvent[] = [];
    listenToWebRequest((event) => received.push(event), api(registrations));
    const details = {
      requestId: "1",
      responseHeaders: [{ name: "X-Rtl-Override", value }],
    };
    for (const registration of registrations) {
      if (registration.event === "onHeadersReceived") {
        registration.listener(details);
      }
    }
    return received[0]?.details.responseHeaders?.[0]?.value;
  }

  it("decodes Firefox's UTF-8 bytes to the characters the server sent", () => {
    expect(receivedHeader(firefoxWebRequest, rtlOverrideBytes)).toBe(
      "\u202Egnp.exe",
    );
  });

  it("keeps Firefox bytes that are not UTF-8 one character per byte", () => {
    expect(receivedHeader(firefoxWebRequest, "caf\u00e9")).toBe("caf\u00e9");
  });

  it("leaves Chromium's values, already decoded, as they are", () => {
    expect(receivedHeader(chromiumWebRequest, rtlOverrideBytes)).toBe(
      rtlOverrideBytes,
    );
  });
});
