import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  launchChromiumWithExtension,
  type ChromiumWithExtension,
} from "./support/chromium-with-extension";
import {
  openChromiumHostileTab,
  sendHostileRequestsInChromium,
} from "./support/hostile-chromium-tab";
import {
  MAX_DETAIL_ELEMENTS,
  MAX_DETAIL_TEXT_LENGTH,
  MAX_ROWS_PER_STEP,
} from "./support/hostile-dom-limits";
import {
  detailSize,
  pwned,
  selectAndTime,
  showAllHeaderRows,
  valueTextLengths,
  type DetailSize,
} from "./support/hostile-page";
import {
  HOSTILE_CASES,
  HOSTILE_REQUEST_VALUE,
  LARGE_VALUE_BYTES,
} from "./support/hostile-payloads";
import {
  MAX_HEADER_VALUE_LENGTH,
  MAX_HEADERS_PER_LIST,
  truncationMarker,
} from "../../src/messaging/header-value-limit";
import {
  startHostileServers,
  type HostileServers,
} from "./support/hostile-server";

/** The strictest policy extension pages can have and still run their own scripts. */
/** The address every finding links to: a page of MDN's CORS guide. */
const MDN_PAGE =
  /^https:\/\/developer\.mozilla\.org\/en-US\/docs\/Web\/HTTP\/Guides\/CORS(\/Errors\/[A-Za-z]+)?$/;

const EXTENSION_PAGES_POLICY =
  "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

let servers: HostileServers;
let browser: ChromiumWithExtension;
let page: Page;
let panel: Page;
const dialogs: string[] = [];
const detailSizes = new Map<string, DetailSize>();

function url(path: string): string {
  return servers.apiOrigin + path;
}

function watchDialogs(target: Page): void {
  target.on("dialog", (dialog) => {
    dialogs.push(`${target.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

async function detailText(): Promise<string> {
  return (await panel.getByTestId("exchange-detail").textContent()) ?? "";
}

beforeAll(async () => {
  servers = await startHostileServers();
  browser = await launchChromiumWithExtension();
  browser.context.on("page", watchDialogs);
  const tab = await openChromiumHostileTab(browser, servers.pageUrl);
  page = tab.page;
  panel = tab.panel;
  await sendHostileRequestsInChromium(tab, servers.apiOrigin);
  for (const hostile of HOSTILE_CASES) {
    await panel.evaluate(selectAndTime, url(hostile.path));
    detailSizes.set(hostile.path, await panel.evaluate(detailSize));
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await servers?.close();
});

describe("panel showing hostile headers", () => {
  it("renders each exchange's detail as a bounded DOM", () => {
    expect(detailSizes.size).toBe(HOSTILE_CASES.length);
    for (const [path, size] of detailSizes) {
      expect(size.maxTableRows, path).toBeLessThanOrEqual(MAX_ROWS_PER_STEP);
      expect(size.elements, path).toBeLessThanOrEqual(MAX_DETAIL_ELEMENTS);
      expect(size.textLength, path).toBeLessThanOrEqual(MAX_DETAIL_TEXT_LENGTH);
    }
  });

  it("shows markup, script URLs and CSS as text", async () => {
    await panel.evaluate(selectAndTime, url("/hostile/markup"));
    const text = await detailText();
    expect(text).toContain(
      `<script>window.__pwned=1;fetch("${servers.beaconUrl}?script")</script>`,
    );
    expect(text).toContain(`javascript:window.__pwned=1;`);
    expect(text).toContain(
      `</style><style>*{background:url(${servers.beaconUrl}?css)}</style>`,
    );
    expect(text).toContain(HOSTILE_REQUEST_VALUE);
    const elements = await panel
      .locator(
        "#app script, #app img, #app iframe, #app svg, #app style, #app a:not([data-testid=finding-mdn-link])",
      )
      .count();
    expect(elements).toBe(0);
    // The only links are the reference pages of the findings, at fixed addresses.
    const links = await panel
      .getByTestId("finding-mdn-link")
      .evaluateAll((anchors) =>
        anchors.map((anchor) => anchor.getAttribute("href") ?? ""),
      );
    for (const href of links) expect(href).toMatch(MDN_PAGE);
  });

  it("shows invisible and bidirectional characters as code points", async () => {
    await panel.evaluate(selectAndTime, url("/hostile/controls"));
    const codes = await panel
      .getByTestId("exchange-detail")
      .locator(".control-character")
      .allTextContents();
    for (const code of ["U+202E", "U+200F", "U+2066", "U+0007", "U+001B"]) {
      expect(codes).toContain(code);
    }
    expect(await detailText()).not.toContain("\u202E");
  });

  it("shows bytes that are not UTF-8 as Latin-1 text", async () => {
    await panel.evaluate(selectAndTime, url("/hostile/bytes"));
    expect(await detailText()).toContain("aÿþÃ(b");
  });

  it("cuts a large value and marks the cut apart from the value", async () => {
    await panel.evaluate(selectAndTime, url("/hostile/large"));
    const markers = await panel
      .getByTestId("truncation-marker")
      .allTextContents();
    expect(markers).toContain(
      `… [truncated, ${LARGE_VALUE_BYTES.toLocaleString("en-US")} bytes]`,
    );
  });

  it("shows the first 1,000 of 5,000 headers in steps of 200 rows", async () => {
    await panel.evaluate(selectAndTime, url("/hostile/many"));
    const column = panel.locator(".request-column--actual");
    const { initialRows, steps } = await panel.evaluate(showAllHeaderRows, {
      container: ".request-column--actual",
      rows: "[data-header^='x-many-']",
    });
    expect(initialRows).toBeGreaterThan(0);
    expect(initialRows).toBeLessThanOrEqual(MAX_ROWS_PER_STEP);
    expect(steps.length).toBeGreaterThanOrEqual(
      MAX_HEADERS_PER_LIST / MAX_ROWS_PER_STEP - 1,
    );
    let rows = initialRows;
    for (const step of steps) {
      expect(step.rows).toBeGreaterThanOrEqual(rows);
      expect(step.rows).toBeLessThanOrEqual(rows + MAX_ROWS_PER_STEP);
      rows = step.rows;
    }
    // The first 1,000 lines include the server's own few headers.
    expect(rows).toBeGreaterThan(MAX_HEADERS_PER_LIST - 20);
    expect(rows).toBeLessThanOrEqual(MAX_HEADERS_PER_LIST);
    expect(await column.getByTestId("show-more-headers").count()).toBe(0);
    expect(await column.textContent()).toMatch(
      /4,0\d\d more headers not recorded \(5,0\d\d in all\)/,
    );
  });

  it("records the response Chromium rejected as a failed request", async () => {
    const huge = HOSTILE_CASES.find((hostile) => hostile.rejected === true);
    if (huge === undefined) throw new Error("No case is rejected.");
    const row = panel.locator(
      `[data-testid="exchange-row"][data-url="${url(huge.path)}"]`,
    );
    expect(await row.getAttribute("data-verdict")).toBe("blocked");
  });

  it("renders a cut value at the stored length", async () => {
    await panel.evaluate(selectAndTime, url("/hostile/large"));
    const lengths = await panel.evaluate(valueTextLengths, "x-large");
    const cutLength =
      MAX_HEADER_VALUE_LENGTH + truncationMarker(LARGE_VALUE_BYTES).length;
    expect(lengths.length).toBeGreaterThan(0);
    for (const length of lengths) expect(length).toBe(cutLength);
  });

  it("runs no injected script, opens no dialog and calls no beacon", async () => {
    expect(await panel.evaluate(pwned)).toBeUndefined();
    expect(await page.evaluate(pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(servers.beaconHits()).toEqual([]);
  });
});

describe("HTML report of the hostile exchanges", () => {
  let report: Page;
  let html: string;

  beforeAll(async () => {
    await panel.getByTestId("export-scope").selectOption("all");
    await panel.getByTestId("export-format").selectOption("html");
    const downloadStarted = panel.waitForEvent("download");
    await panel.getByTestId("export-report").click();
    html = await readFile(await (await downloadStarted).path(), "utf8");
    report = await browser.context.newPage();
    // Served over HTTP from the page origin, with JavaScript enabled.
    await report.goto(servers.serveFile("report.html", html));
    await report.waitForLoadState("load");
    await new Promise((resolve) => setTimeout(resolve, 500));
  });

  it("contains the payloads escaped", () => {
    expect(html).toContain("&lt;script&gt;window.__pwned=1");
    expect(html).not.toContain("<script>window.__pwned");
  });

  it("runs no injected script, opens no dialog and calls no beacon", async () => {
    expect(await report.evaluate(pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(servers.beaconHits()).toEqual([]);
  });
});

describe("extension pages", () => {
  it.each(["dist/chrome", "dist/firefox"])(
    "have a strict content security policy in %s",
    async (folder) => {
      const manifest = JSON.parse(
        await readFile(join(folder, "manifest.json"), "utf8"),
      ) as { content_security_policy?: { extension_pages?: string } };
      expect(manifest.content_security_policy?.extension_pages).toBe(
        EXTENSION_PAGES_POLICY,
      );
    },
  );

  it("run no inline script added to the panel", async () => {
    const violations = await panel.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener("securitypolicyviolation", (event) => {
        seen.push(event.violatedDirective);
      });
      const script = document.createElement("script");
      script.textContent = "window.__pwned = 'inline';";
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return seen;
    });
    expect(violations).toContain("script-src-elem");
    expect(await panel.evaluate(pwned)).toBeUndefined();
  });
});
