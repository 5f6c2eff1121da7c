import { describe, expect, it } from "vitest";
import type { Exchange } from "../../../src/model/exchange";
import {
  actualCurl,
  curlCommand,
  curlRequestFromRecord,
  preflightCurl,
} from "../../../src/report/curl-command";
import {
  API_URL,
  blockedPreflightExchange,
  PAGE_ORIGIN,
  requestRecord,
} from "./analyzed-exchanges";
import { curlArguments, SHELLS } from "./shell-words";

const HOSTILE_VALUE =
  "a'b\"c $(touch /tmp/cors-lens-curl-test) `id` ${HOME}\nnext\u001b[201~\u0003";

describe("curlCommand", () => {
  it.each(SHELLS)("passes method, headers and URL intact in %s", (shell) => {
    const command = curlCommand({
      method: "PUT",
      url: `${API_URL}?q='x'&y=$(id)`,
      headers: [
        { name: "Origin", value: PAGE_ORIGIN },
        { name: "X-Hostile", value: HOSTILE_VALUE },
      ],
    });

    expect(curlArguments(shell, command)).toEqual([
      "--include",
      "-X",
      "PUT",
      "-H",
      `Origin: ${PAGE_ORIGIN}`,
      "-H",
      `X-Hostile: ${HOSTILE_VALUE}`,
      "--url",
      `${API_URL}?q='x'&y=$(id)`,
    ]);
  });

  it("puts one option per line", () => {
    const command = curlCommand({
      method: "OPTIONS",
      url: API_URL,
      headers: [{ name: "Origin", value: PAGE_ORIGIN }],
    });

    expect(command).toBe(
      [
        "curl --include -X OPTIONS \\",
        `  -H 'Origin: ${PAGE_ORIGIN}' \\`,
        `  --url '${API_URL}'`,
      ].join("\n"),
    );
  });

  it("quotes an unusual method", () => {
    const command = curlCommand({
      method: "patch;rm",
      url: API_URL,
      headers: [],
    });

    expect(curlArguments("bash", command)).toEqual([
      "--include",
      "-X",
      "patch;rm",
      "--url",
      API_URL,
    ]);
  });

  it("sends HEAD with --head", () => {
    const command = curlCommand({ method: "HEAD", url: API_URL, headers: [] });

    expect(curlArguments("bash", command)).toEqual([
      "--include",
      "--head",
      "--url",
      API_URL,
    ]);
  });

  it("leaves out headers curl sets itself", () => {
    const command = curlCommand({
      method: "POST",
      url: API_URL,
      headers: [
        { name: "Host", value: "api.example.test" },
        { name: "Content-Length", value: "42" },
        { name: "Accept-Encoding", value: "gzip, br" },
        { name: "Connection", value: "keep-alive" },
        { name: ":authority", value: "api.example.test" },
        { name: "Content-Type", value: "text/plain" },
      ],
    });

    expect(curlArguments("bash", command)).toEqual([
      "--include",
      "-X",
      "POST",
      "-H",
      "Content-Type: text/plain",
      "--url",
      API_URL,
    ]);
  });
});

describe("curlRequestFromRecord", () => {
  it("adds Origin when the capture lacks it", () => {
    const request = curlRequestFromRecord(
      requestRecord({ requestHeaders: [] }),
      PAGE_ORIGIN,
      false,
    );

    expect(request.headers).toEqual([{ name: "Origin", value: PAGE_ORIGIN }]);
  });

  it("keeps a captured Origin as it was", () => {
    const request = curlRequestFromRecord(
      requestRecord({ requestHeaders: [{ name: "origin", value: "null" }] }),
      PAGE_ORIGIN,
      false,
    );

    expect(request.headers).toEqual([{ name: "origin", value: "null" }]);
  });

  it("redacts secrets when asked", () => {
    const record = requestRecord({
      url: `${API_URL}?access_token=abc123&page=2`,
      requestHeaders: [
        { name: "Origin", value: PAGE_ORIGIN },
        { name: "Authorization", value: "Bearer abc123" },
        { name: "Cookie", value: "session=s3cr3t; theme=dark" },
        { name: "X-Api-Key", value: "k-42" },
      ],
    });

    const redacted = curlRequestFromRecord(record, PAGE_ORIGIN, true);
    const plain = curlRequestFromRecord(record, PAGE_ORIGIN, false);

    expect(redacted.url).toBe(`${API_URL}?access_token=[redacted]&page=2`);
    expect(redacted.headers).toEqual([
      { name: "Origin", value: PAGE_ORIGIN },
      { name: "Authorization", value: "Bearer [redacted]" },
      { name: "Cookie", value: "session=[redacted]; theme=[redacted]" },
      { name: "X-Api-Key", value: "[redacted]" },
    ]);
    expect(plain.headers).toBe(record.requestHeaders);
    expect(plain.url).toBe(record.url);
  });
});

describe("preflightCurl", () => {
  it("copies the recorded preflight", () => {
    const { exchange } = blockedPreflightExchange();

    const copy = preflightCurl(exchange, true);

    expect(copy?.command).toBe(
      [
        "curl --include -X OPTIONS \\",
        `  -H 'Origin: ${PAGE_ORIGIN}' \\`,
        "  -H 'Access-Control-Request-Method: PUT' \\",
        `  --url '${API_URL}'`,
      ].join("\n"),
    );
  });

  it("returns null when no preflight was needed", () => {
    const { exchange } = blockedPreflightExchange();

    expect(
      preflightCurl({ ...exchange, preflightSource: "not-needed" }, false),
    ).toBeNull();
  });

  it("rebuilds an unrecorded cached preflight", () => {
    const exchange: Exchange = {
      id: "7",
      tabId: 3,
      origin: PAGE_ORIGIN,
      actual: requestRecord({
        method: "patch",
        requestHeaders: [
          { name: "Origin", value: PAGE_ORIGIN },
          { name: "X-Trace", value: "1" },
          { name: "Content-Type", value: "application/json" },
        ],
      }),
      preflight: null,
      preflightSource: "cached",
    };

    const copy = preflightCurl(exchange, false);

    expect(curlArguments("bash", copy?.command ?? "")).toEqual([
      "--include",
      "-X",
      "OPTIONS",
      "-H",
      `Origin: ${PAGE_ORIGIN}`,
      "-H",
      "Access-Control-Request-Method: patch",
      "-H",
      "Access-Control-Request-Headers: content-type,x-trace",
      "--url",
      API_URL,
    ]);
  });
});

describe("actualCurl", () => {
  it("lists preflight-requested headers the capture lacks", () => {
    const { exchange } = blockedPreflightExchange();
    const preflight = requestRecord({
      method: "OPTIONS",
      requestHeaders: [
        { name: "Origin", value: PAGE_ORIGIN },
        { name: "Access-Control-Request-Method", value: "PUT" },
        {
          name: "Access-Control-Request-Headers",
          value: "authorization,content-type",
        },
      ],
    });
    const actual = requestRecord({
      method: "PUT",
      requestHeaders: [
        { name: "Origin", value: PAGE_ORIGIN },
        { name: "Content-Type", value: "application/json" },
      ],
    });

    const copy = actualCurl({ ...exchange, preflight, actual }, false);

    expect(copy.uncapturedHeaders).toEqual(["authorization"]);
    expect(curlArguments("bash", copy.command)).toEqual([
      "--include",
      "-X",
      "PUT",
      "-H",
      `Origin: ${PAGE_ORIGIN}`,
      "-H",
      "Content-Type: application/json",
      "--url",
      API_URL,
    ]);
  });

  it("sends Origin alone when no header was captured", () => {
    const { exchange } = blockedPreflightExchange();

    const copy = actualCurl(exchange, false);

    expect(curlArguments("bash", copy.command)).toEqual([
      "--include",
      "-X",
      "PUT",
      "-H",
      `Origin: ${PAGE_ORIGIN}`,
      "--url",
      API_URL,
    ]);
    expect(copy.uncapturedHeaders).toEqual([]);
  });
});
