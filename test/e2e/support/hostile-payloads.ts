/**
 * Header names and values built to attack the panel and the reports. They include
 * markup that runs script if rendered as HTML, URLs that run script if used as links,
 * CSS that fetches if used as a style, and invisible and bidirectional control
 * characters. Others are bytes that are not UTF-8, or sizes far beyond any real header. Every payload that could run sets
 * `window.__pwned`, opens a dialog or requests the server's beacon path, which the
 * tests watch.
 */

/** One raw header line: the name, and the value as it goes on the wire. */
export interface RawHeader {
  readonly name: string;
  readonly value: string | Buffer;
}

/** A response path of the hostile server and the headers it adds to both responses. */
export interface HostileCase {
  readonly path: string;
  readonly headers: (beacon: string) => RawHeader[];
  /** True when Chromium is expected to reject the response as malformed or too big. */
  readonly rejected?: boolean;
}

/** Size of a value Chromium 156 accepts. */
export const LARGE_VALUE_BYTES = 204_800;

/** Size of a value Chromium 156 rejects, failing the request. */
export const HUGE_VALUE_BYTES = 1_048_576;

export const MANY_HEADERS = 5_000;

function markup(beacon: string): RawHeader[] {
  return [
    {
      name: "X-Script",
      value: `<script>window.__pwned=1;fetch("${beacon}?script")</script>`,
    },
    {
      name: "X-Img",
      value: `<img src=x onerror="window.__pwned=1;fetch('${beacon}?img')">`,
    },
    { name: "X-Svg", value: `"><svg onload="alert('svg')">` },
    {
      name: "X-Link",
      value: `javascript:window.__pwned=1;fetch('${beacon}?javascript')`,
    },
    {
      name: "X-Data",
      value: `data:text/html,<script>parent.__pwned=1;fetch('${beacon}?data')</script>`,
    },
    {
      name: "X-Css",
      value: `</style><style>*{background:url(${beacon}?css)}</style>`,
    },
    {
      name: "X-Css-Value",
      value: `red;background-image:url("${beacon}?css-value")`,
    },
    { name: "X-Frame", value: `<iframe src="${beacon}?iframe"></iframe>` },
    { name: "X-Anchor", value: `<a href="javascript:alert('anchor')">x</a>` },
    { name: "X-Template", value: "{{constructor.constructor('alert(1)')()}}" },
    { name: "X-Interpolation", value: "${alert('interpolation')}" },
    { name: "X-Entity", value: "&lt;script&gt;alert('entity')&lt;/script&gt;" },
    // Header names are tokens, but a lax parser takes anything before the colon.
    { name: `X-<img src=x onerror=alert('name')>`, value: "name" },
    {
      name: "Access-Control-Expose-Headers",
      value: `<script>window.__pwned=1</script>`,
    },
  ];
}

function controls(): RawHeader[] {
  return [
    { name: "X-Rtl-Override", value: "\u202Egnp.exe" },
    { name: "X-Rtl-Mark", value: "abc\u200Fdef\u200Eghi" },
    { name: "X-Isolates", value: "\u2066left\u2067right\u2068first\u2069" },
    { name: "X-Zero-Width", value: "a\u200Bb\uFEFFc" },
    { name: "X-Bell", value: "ding\u0007" },
    { name: "X-Escape", value: "\u001b[31mred\u001b[0m" },
    { name: "X-Backspace", value: "abc\u0008\u0008x" },
    { name: "X-Delete", value: "abc\u007f" },
    { name: "X-Next-Line", value: "one\u0085two" },
    { name: "X-Arabic-Mark", value: "x\u061Cy" },
  ];
}

function invalidUtf8(): RawHeader[] {
  return [
    {
      name: "X-Bytes",
      value: Buffer.from([0x61, 0xff, 0xfe, 0xc3, 0x28, 0x62]),
    },
    { name: "X-Overlong", value: Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf]) },
    { name: "X-Surrogate", value: Buffer.from([0xed, 0xa0, 0x80]) },
  ];
}

function manyHeaders(): RawHeader[] {
  return Array.from({ length: MANY_HEADERS }, (_, index) => ({
    name: `X-Many-${index}`,
    value: `<b>${index}</b>`,
  }));
}

export const HOSTILE_CASES: readonly HostileCase[] = [
  { path: "/hostile/markup", headers: markup },
  { path: "/hostile/controls", headers: controls },
  { path: "/hostile/bytes", headers: invalidUtf8 },
  {
    path: "/hostile/large",
    headers: () => [{ name: "X-Large", value: "L".repeat(LARGE_VALUE_BYTES) }],
  },
  { path: "/hostile/many", headers: manyHeaders },
  {
    path: "/hostile/huge",
    headers: () => [{ name: "X-Huge", value: "H".repeat(HUGE_VALUE_BYTES) }],
    rejected: true,
  },
];

/** A request header value the page sends, which the panel also shows. */
export const HOSTILE_REQUEST_VALUE = `<script>window.__pwned=1</script>`;
