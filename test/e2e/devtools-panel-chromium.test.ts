import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab } from "../../src/lab/lab-server";
import {
  CHROME_PRODUCT_BUILD,
  launchChromiumWithExtension,
  type ChromiumWithExtension,
} from "./support/chromium-with-extension";
import {
  devtoolsExtensionFrames,
  type DevtoolsExtensionFrames,
  type FrameEvaluator,
} from "./support/devtools-window";
import type { ScenarioOutcome } from "./support/lab-session";

/** The classic failures and the verdict and leading finding the panel must show. */
const SCENARIOS = [
  { id: "headers-only-on-preflight", verdict: "blocked" },
  { id: "error-without-cors-headers", verdict: "blocked" },
  { id: "wildcard-with-credentials", verdict: "blocked" },
  { id: "authorization-not-allowed", verdict: "blocked" },
  { id: "passing-put", verdict: "allowed" },
] as const;

let lab: Awaited<ReturnType<typeof startLab>>;
let browser: ChromiumWithExtension;
let labPage: Page;
let frames: DevtoolsExtensionFrames;
let panel: FrameEvaluator;

function scenarioUrl(id: string): string {
  return `${lab.apiOrigin}/api/${id}`;
}

function runScenario(id: string): Promise<ScenarioOutcome> {
  return labPage.evaluate(
    (scenarioId) =>
      (
        window as unknown as {
          runScenario(id: string): Promise<ScenarioOutcome>;
        }
      ).runScenario(scenarioId),
    id,
  );
}

interface ShownRow {
  readonly url: string;
  readonly verdict: string;
  readonly text: string;
}

/** Reads the rows of the CORS panel in DevTools from its DOM. */
function shownRows(): Promise<ShownRow[]> {
  return panel.evaluate<
    ShownRow[]
  >(`[...document.querySelectorAll('[data-testid="exchange-row"]')].map((row) => ({
    url: row.getAttribute("data-url"),
    verdict: row.getAttribute("data-verdict"),
    text: row.textContent,
  }))`);
}

function shownUrls(): Promise<string[]> {
  return shownRows().then((rows) => rows.map((row) => row.url));
}

async function click(testId: string): Promise<void> {
  await panel.evaluate<null>(
    `document.querySelector('[data-testid="${testId}"]').click() ?? null`,
  );
}

/** Clicks a capture toggle and waits until the panel shows it in the given state. */
async function toggle(testId: string, pressed: boolean): Promise<void> {
  await click(testId);
  await expect
    .poll(() =>
      panel.evaluate<string | null>(
        `document.querySelector('[data-testid="${testId}"]').getAttribute("aria-pressed")`,
      ),
    )
    .toBe(String(pressed));
}

beforeAll(async () => {
  lab = await startLab({ pagePort: 0, apiPort: 0 });
  browser = await launchChromiumWithExtension({
    build: CHROME_PRODUCT_BUILD,
    args: ["--auto-open-devtools-for-tabs"],
  });
  labPage = await browser.context.newPage();
  await labPage.goto(`${lab.pageOrigin}/`);
  frames = await devtoolsExtensionFrames(
    browser.context,
    labPage,
    browser.extensionId,
  );
  panel = await frames.showPanel("CORS");
}, 60_000);

afterAll(async () => {
  await frames?.close();
  await browser?.close();
  await lab?.close();
});

describe("CORS panel in Chromium's DevTools, without webRequest", () => {
  it("connects to the devtools page's capture", async () => {
    await expect
      .poll(() =>
        panel.evaluate<string | null>(
          `document.querySelector('[data-testid="connection-status"]')?.getAttribute("data-state") ?? null`,
        ),
      )
      .toBe("connected");
  });

  it("shows the classic failures and a passing request with the browser's verdicts", async () => {
    for (const scenario of SCENARIOS) await runScenario(scenario.id);
    await expect
      .poll(async () => (await shownRows()).length, { timeout: 10_000 })
      .toBe(SCENARIOS.length);
    const rows = await shownRows();
    for (const scenario of SCENARIOS) {
      const row = rows.find((shown) => shown.url === scenarioUrl(scenario.id));
      expect(row?.verdict, scenario.id).toBe(scenario.verdict);
    }
  });

  it("shows the header at fault in the detail of a blocked request", async () => {
    await panel.evaluate<null>(
      `document.querySelector('[data-testid="exchange-row"][data-url="${scenarioUrl("authorization-not-allowed")}"]').click() ?? null`,
    );
    await expect
      .poll(() =>
        panel.evaluate<string>(
          `document.querySelector(".detail-pane")?.textContent ?? ""`,
        ),
      )
      .toContain("Access-Control-Allow-Headers");
  });

  it("records nothing while paused, and again once resumed", async () => {
    await toggle("pause-recording", true);
    expect(
      await panel.evaluate<boolean>(
        `document.querySelector('[data-testid="recording-paused"]') !== null`,
      ),
    ).toBe(true);
    await runScenario("simple-head");
    await runScenario("passing-put");
    // The list is updated at most four times a second; give it several chances.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await shownRows()).toHaveLength(SCENARIOS.length);
    await toggle("pause-recording", false);
    await runScenario("passing-put");
    await expect
      .poll(async () => (await shownRows()).length)
      .toBe(SCENARIOS.length + 1);
  });

  it("keeps the list across a page load with Preserve log on", async () => {
    await toggle("preserve-log", true);
    await labPage.reload();
    await runScenario("passing-put");
    await expect
      .poll(async () => (await shownRows()).length)
      .toBe(SCENARIOS.length + 2);
    await toggle("preserve-log", false);
  });

  it("starts a new list when the page loads a new document", async () => {
    await labPage.reload();
    await expect.poll(async () => (await shownRows()).length).toBe(0);
    await runScenario("headers-only-on-preflight");
    await expect
      .poll(shownUrls)
      .toEqual([scenarioUrl("headers-only-on-preflight")]);
  });

  it("empties the list on Clear", async () => {
    await click("clear");
    await expect.poll(async () => (await shownRows()).length).toBe(0);
  });

  it("captured everything without the webRequest permission", async () => {
    const worker = await browser.worker();
    expect(
      await worker.evaluate(() =>
        chrome.permissions.contains({ permissions: ["webRequest"] }),
      ),
    ).toBe(false);
  });

  it("made no network request from the devtools page or the panel", async () => {
    // Resource Timing lists every fetch, XHR, beacon, image and script a document
    // loaded; the extension's own files are chrome-extension: URLs.
    const requested = `performance.getEntriesByType("resource").map((entry) => entry.name).filter((url) => !url.startsWith("chrome-extension:"))`;
    expect(await frames.evaluateInDevtoolsPage<string[]>(requested)).toEqual(
      [],
    );
    expect(await panel.evaluate<string[]>(requested)).toEqual([]);

    const probe = `${lab.pageOrigin}/scenarios.json?probe`;
    // Without host access the panel cannot read the response, but the request is
    // sent and listed.
    await panel.evaluate<null>(
      `fetch(${JSON.stringify(probe)}).then(() => null, () => null)`,
    );
    expect(await panel.evaluate<string[]>(requested)).toEqual([probe]);
  });

  it("lists the requests made while another panel was shown", async () => {
    await frames.showBuiltInPanel("network");
    await runScenario("passing-put");
    await runScenario("headers-only-on-preflight");
    panel = await frames.showPanel("CORS");
    await expect
      .poll(shownUrls)
      .toEqual([
        scenarioUrl("passing-put"),
        scenarioUrl("headers-only-on-preflight"),
      ]);
    const rows = await shownRows();
    expect(rows.map((row) => row.verdict)).toEqual(["allowed", "blocked"]);
  });

  it("keeps cleared and paused requests out of DevTools' log when shown again", async () => {
    await click("clear");
    await expect.poll(async () => (await shownRows()).length).toBe(0);
    await toggle("pause-recording", true);
    await frames.showBuiltInPanel("network");
    await runScenario("wildcard-with-credentials");
    panel = await frames.showPanel("CORS");
    await toggle("pause-recording", false);
    await frames.showBuiltInPanel("network");
    await runScenario("authorization-not-allowed");
    panel = await frames.showPanel("CORS");
    await expect
      .poll(shownUrls)
      .toEqual([scenarioUrl("authorization-not-allowed")]);
  });
});
