import type { AnalyzedExchange } from "../../../src/report/analyzed-exchange";
import {
  blockedAnalysis,
  finding,
  PAGE_ORIGIN,
  requestRecord,
} from "./analyzed-exchanges";

/** Header values that would add markup if a renderer did not escape them. */
export const HOSTILE_VALUES = [
  "<script>alert(1)</script>",
  "a | b || c",
  "`code` and ``double``",
  "*bold* _em_ ~~strike~~",
  "[link](javascript:alert(1))",
  "&amp; &lt;b&gt; &#60;",
  "\"quoted\" 'single' <img src=x onerror=alert(1)>",
  "line one\n# heading\n| x | y |",
  "\\ backslash \\| escaped pipe",
  "# not a heading",
] as const;

/** Returns a blocked exchange whose response headers and finding carry the hostile values. */
export function hostileExchange(): AnalyzedExchange {
  const responseHeaders = HOSTILE_VALUES.map((value, index) => ({
    name: `X-Hostile-${index}`,
    value,
  }));
  const actual = requestRecord({
    id: "h1",
    url: "https://api.example.test/items?q=<b>|x|</b>",
    method: "POST",
    requestHeaders: [
      { name: "Origin", value: PAGE_ORIGIN },
      { name: "X-Note", value: "<i>request</i> | `note`" },
    ],
    responseHeaders,
  });
  const hostileFinding = finding({
    value: "<svg onload=alert(1)>",
    expected: "a|b",
    explanation: "Explained with <em>markup</em> and | pipes | and `ticks`.",
    fix: "Fix with [a link](https://evil.test) and <script>x()</script>.",
  });
  return {
    exchange: {
      id: "h1",
      tabId: 3,
      origin: PAGE_ORIGIN,
      actual,
      preflight: null,
      preflightSource: "not-needed",
    },
    analysis: {
      ...blockedAnalysis([hostileFinding]),
      assumptions: ["Assumed <b>bold</b> | piped."],
    },
  };
}
