import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  launchFirefoxWithExtension,
  type FirefoxWithExtension,
} from "./support/firefox-browser";
import { countOf } from "./support/firefox-panel";
import {
  MAX_DETAIL_ELEMENTS,
  MAX_DETAIL_TEXT_LENGTH,
  MAX_ROWS_PER_STEP,
} from "./support/hostile-dom-limits";
import {
  openFirefoxHostileTab,
  sendHostileRequestsInFirefox,
} from "./support/hostile-firefox-tab";
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

let servers: HostileServers;
let firefox: FirefoxWithExtension;
let page: Page;
let panel: Page;
/** The address every finding links to: a page of MDN's CORS guide. */
const MDN_PAGE =
  /^https:\/\/developer\.mozilla\.org\/en-US\/docs\/Web\/HTTP\/Guides\/CORS(\/Errors\/[A-Za-z]+)?$/;

const dialogs: string[] = [];
const detailSizes = new Map<string, DetailSize>();

function url(path: string): string {
  return servers.apiOrigin + path;
}

function detailText(): Promise<string> {
  return panel.evaluate(
    () =>
      document.querySelector('[data-testid="exchange-detail"]')?.textContent ??
      "",
  );
}

function watchDialogs(target: Page): void {
  target.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
}

beforeAll(async () => {
  servers = await startHostileServers();
  firefox = await launchFirefoxWithExtension();
  const tab = await openFirefoxHostileTab(firefox, servers.pageUrl);
  page = tab.page;
  panel = tab.panel;
  watchDialogs(page);
  watchDialogs(panel);
  await sendHostileRequestsInFirefox(tab, servers.apiOrigin);
  for (const hostile of HOSTILE_CASES) {
    await panel.evaluate(selectAndTime, url(hostile.path));
    detailSizes.set(hostile.path, await panel.evaluate(detailSize));
  }
}, 120_000);

afterAll(async () => {
  await firefox?.close();
  await servers?.close();
});

describe("Firefox panel showing hostile headers", () => {
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
    expect(text).toContain(HOSTILE_REQUEST_VALUE);
    const elements = await panel.evaluate(
      () =>
        document.querySelectorAll(
          "#app script, #app img, #app iframe, #app svg, #app style, #app a:not([data-testid=finding-mdn-link])",
        ).length,
    );
    expect(elements).toBe(0);
    // The only links are the reference pages of the findings, at fixed addresses.
    const links = await panel.evaluate(() =>
      [...document.querySelectorAll('[data-testid="finding-mdn-link"]')].map(
        (anchor) => anchor.getAttribute("href") ?? "",
      ),
    );
    for (const href of links) expect(href).toMatch(MDN_PAGE);
  });

  it("shows bidirectional characters as code points", async () => {
    await panel.evaluate(selectAndTime, url("/hostile/controls"));
    const codes = await panel.evaluate(() =>
      [...document.querySelectorAll(".control-character")].map(
        (element) => element.textContent,
      ),
    );
    expect(codes).toContain("U+202E");
    expect(await detailText()).not.toContain("\u202E");
  });

  it("cuts a large value and marks the cut", async () => {
    await panel.evaluate(selectAndTime, url("/hostile/large"));
    const markers = await panel.evaluate(() =>
      [...document.querySelectorAll('[data-testid="truncation-marker"]')].map(
        (element) => element.textContent,
      ),
    );
    expect(markers).toContain(
      `… [truncated, ${LARGE_VALUE_BYTES.toLocaleString("en-US")} bytes]`,
    );
  });

  it("renders a cut value at the stored length", async () => {
    await panel.evaluate(selectAndTime, url("/hostile/large"));
    const lengths = await panel.evaluate(valueTextLengths, "x-large");
    const cutLength =
      MAX_HEADER_VALUE_LENGTH + truncationMarker(LARGE_VALUE_BYTES).length;
    expect(lengths.length).toBeGreaterThan(0);
    for (const length of lengths) expect(length).toBe(cutLength);
  });

  it("shows many headers in steps of 200 rows", async () => {
    await panel.evaluate(selectAndTime, url("/hostile/many"));
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
    expect(
      await countOf(
        panel,
        '.request-column--actual [data-testid="show-more-headers"]',
      ),
    ).toBe(0);
  });

  it("runs no injected script, opens no dialog and calls no beacon", async () => {
    expect(await panel.evaluate(pwned)).toBeUndefined();
    expect(await page.evaluate(pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(servers.beaconHits()).toEqual([]);
  });
});
