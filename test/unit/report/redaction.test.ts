import { describe, expect, it } from "vitest";
import {
  redactEntries,
  redactHeaders,
  redactRecord,
  redactUrl,
} from "../../../src/report/redaction";
import { redactUrlsInText } from "../../../src/report/redact-url";
import { isSecretName } from "../../../src/report/secret-names";
import {
  blockedPreflightExchange,
  finding,
  requestRecord,
} from "./analyzed-exchanges";

describe("isSecretName", () => {
  it.each([
    "Authorization",
    "Proxy-Authorization",
    "Cookie",
    "Set-Cookie",
    "X-Api-Key",
    "x-api-key",
    "X-Auth-Token",
    "X-CSRF-Token",
    "X-Amz-Security-Token",
    "token",
    "key",
    "api_key",
    "apikey",
    "apiKey",
    "secret",
    "client_secret",
    "clientSecret",
    "password",
    "passwd",
    "pwd",
    "signature",
    "X-Amz-Signature",
    "sig",
    "session",
    "sessionid",
    "JSESSIONID",
    "PHPSESSID",
    "code",
    "auth",
    "access_token",
    "AccessToken",
    "refresh_token",
    "id_token",
    "authToken",
  ])("treats %s as secret", (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    "Access-Control-Allow-Credentials",
    "Access-Control-Allow-Headers",
    "Access-Control-Request-Headers",
    "Origin",
    "Content-Type",
    "Accept",
    "Vary",
    "Sec-Fetch-Mode",
    "X-Request-Id",
    "WWW-Authenticate",
    "Keep-Alive",
    "author",
    "page",
    "zipcode",
    "monkey",
  ])("keeps %s", (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe("redactUrl", () => {
  it.each([
    [
      "https://a.test/p?token=abc&page=2",
      "https://a.test/p?token=[redacted]&page=2",
    ],
    [
      "https://a.test/p?X-API-KEY=1&Api%5FKey=2",
      "https://a.test/p?X-API-KEY=[redacted]&Api%5FKey=[redacted]",
    ],
    [
      "https://a.test/cb#access_token=abc&state=x",
      "https://a.test/cb#access_token=[redacted]&state=x",
    ],
    ["https://user:pass@a.test/", "https://[redacted]@a.test/"],
    ["/login?next=/home&code=1", "/login?next=/home&code=[redacted]"],
    ["https://a.test/p?flag&token", "https://a.test/p?flag&token"],
    ["https://a.test/#section", "https://a.test/#section"],
    ["https://a.test/p?q=%E0%A4%A", "https://a.test/p?q=%E0%A4%A"],
  ])("redacts %s", (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it("keeps a URL without secrets byte for byte", () => {
    const url = "https://a.test/a%20b?x=1&y=%2F#frag";

    expect(redactUrl(url)).toBe(url);
  });
});

describe("redactUrlsInText", () => {
  it("redacts URLs and paths in prose, keeping punctuation", () => {
    expect(
      redactUrlsInText(
        "The response from https://a.test/x?token=abc. Redirect to /next?code=1, then stop.",
      ),
    ).toBe(
      "The response from https://a.test/x?token=[redacted]. Redirect to /next?code=[redacted], then stop.",
    );
  });

  it("leaves MIME types and other slashes alone", () => {
    const text = "Content-Type text/plain and */* with a/b?token=1";

    expect(redactUrlsInText(text)).toBe(text);
  });
});

describe("redactHeaders", () => {
  it.each([
    ["Authorization", "Bearer abc.def", "Bearer [redacted]"],
    ["authorization", "abcdef", "[redacted]"],
    ["Proxy-Authorization", "Basic dXNlcjpw", "Basic [redacted]"],
    ["Cookie", "a=1; b=2", "a=[redacted]; b=[redacted]"],
    [
      "Set-Cookie",
      "sid=abc; Path=/; Secure; SameSite=None",
      "sid=[redacted]; Path=/; Secure; SameSite=None",
    ],
    ["X-Api-Key", "k-123", "[redacted]"],
    ["Location", "/login?token=abc", "/login?token=[redacted]"],
    [
      "Referer",
      "https://app.test/?session=abc",
      "https://app.test/?session=[redacted]",
    ],
    [
      "Link",
      "<https://a.test/next?sig=abc>; rel=next",
      "<https://a.test/next?sig=[redacted]>; rel=next",
    ],
    ["Access-Control-Allow-Credentials", "true", "true"],
    [
      "Access-Control-Allow-Headers",
      "Authorization, X-Api-Key",
      "Authorization, X-Api-Key",
    ],
    ["Content-Type", "application/json", "application/json"],
  ])("%s: %s", (name, value, expected) => {
    expect(redactHeaders([{ name, value }])).toEqual([
      { name, value: expected },
    ]);
  });
});

describe("redactRecord", () => {
  it("redacts the URL, headers and redirect hops", () => {
    const record = requestRecord({
      url: "https://a.test/?token=1",
      requestHeaders: [{ name: "Cookie", value: "s=1" }],
      responseHeaders: [{ name: "Set-Cookie", value: "s=2" }],
      redirects: [
        {
          url: "https://a.test/?token=1",
          statusCode: 302,
          responseHeaders: [{ name: "Location", value: "/b?key=3" }],
          redirectUrl: "https://a.test/b?key=3",
        },
      ],
    });

    expect(redactRecord(record)).toMatchObject({
      url: "https://a.test/?token=[redacted]",
      requestHeaders: [{ name: "Cookie", value: "s=[redacted]" }],
      responseHeaders: [{ name: "Set-Cookie", value: "s=[redacted]" }],
      redirects: [
        {
          url: "https://a.test/?token=[redacted]",
          responseHeaders: [{ name: "Location", value: "/b?key=[redacted]" }],
          redirectUrl: "https://a.test/b?key=[redacted]",
        },
      ],
    });
  });
});

describe("redactEntries", () => {
  it("scrubs secrets quoted in findings and assumptions", () => {
    const entry = blockedPreflightExchange();
    const secretUrl =
      "https://api.example.test/items/7?access_token=tok-1234567";
    const withSecrets = {
      exchange: {
        ...entry.exchange,
        actual: {
          ...entry.exchange.actual,
          url: secretUrl,
          requestHeaders: [{ name: "X-Auth-Token", value: "hdr-secret-99" }],
        },
      },
      analysis: {
        ...entry.analysis,
        findings: [
          finding({
            explanation: `The response from ${secretUrl} failed.`,
            fix: "Do not echo hdr-secret-99 anywhere.",
          }),
        ],
        assumptions: [`Assumed ${secretUrl}.`],
      },
    };

    const [redacted] = redactEntries([withSecrets]);

    expect(redacted?.analysis.findings[0]?.explanation).toBe(
      "The response from https://api.example.test/items/7?access_token=[redacted] failed.",
    );
    expect(redacted?.analysis.findings[0]?.fix).toBe(
      "Do not echo [redacted] anywhere.",
    );
    expect(redacted?.analysis.assumptions).toEqual([
      "Assumed https://api.example.test/items/7?access_token=[redacted].",
    ]);
    expect(redacted?.exchange.actual.requestHeaders).toEqual([
      { name: "X-Auth-Token", value: "[redacted]" },
    ]);
  });

  it("does not change its input", () => {
    const entry = blockedPreflightExchange();
    const withCookie = {
      ...entry,
      exchange: {
        ...entry.exchange,
        actual: {
          ...entry.exchange.actual,
          requestHeaders: [{ name: "Cookie", value: "a=1" }],
        },
      },
    };
    const copy = structuredClone(withCookie);

    redactEntries([withCookie]);

    expect(withCookie).toEqual(copy);
  });

  it("redacts a record shared by two exchanges the same way", () => {
    const entry = blockedPreflightExchange();
    const second = {
      ...entry,
      exchange: {
        ...entry.exchange,
        id: "43",
        preflightSource: "cached" as const,
      },
    };

    const [first, again] = redactEntries([entry, second]);

    expect(first?.exchange.preflight).toBe(again?.exchange.preflight);
  });
});

describe("redactEntries with redirect preflights", () => {
  it("redacts the preflights sent after a redirect", () => {
    const entry = blockedPreflightExchange();
    const redirectPreflight = requestRecord({
      id: "44",
      method: "OPTIONS",
      url: "https://api.example.test/next?token=abc",
    });
    const [redacted] = redactEntries([
      {
        ...entry,
        exchange: {
          ...entry.exchange,
          redirectPreflights: [redirectPreflight],
        },
      },
    ]);

    expect(redacted?.exchange.redirectPreflights?.[0]?.url).toBe(
      "https://api.example.test/next?token=[redacted]",
    );
  });
});
