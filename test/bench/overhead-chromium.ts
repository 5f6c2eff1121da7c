import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_LOOPBACK_ONLY_ARGS } from "../../src/lab/chromium";
import {
  CHROMIUM_PATH,
  launchChromiumWithExtension,
  type ChromiumWithExtension,
} from "../e2e/support/chromium-with-extension";
import type { Benchmark } from "./benchmark";
import { median } from "./benchmark";
import { startOverheadServers, type OverheadServers } from "./overhead-server";

const REQUEST_COUNT = 2_000;
/** Requests the page keeps in flight at once, as a busy single-page app does. */
const CONCURRENCY = 20;
const MEASURED_ROUNDS = 5;
const PAGE_TIMEOUT_MS = 300_000;

/** How a run loads the page. */
type Mode =
  | "not installed"
  | "no-op listeners without extraHeaders"
  | "no-op listeners"
  | "recording, devtools port"
  | "recording, panel";

const MODES: readonly Mode[] = [
  "not installed",
  "no-op listeners without extraHeaders",
  "no-op listeners",
  "recording, devtools port",
  "recording, panel",
];

/**
 * A service worker that registers the same webRequest listeners as CORS Lens, with the
 * same `extraHeaders`, and does nothing in them: what Chromium's webRequest costs by
 * itself.
 */
const NO_OP_WORKER = `const filter = { urls: ["http://*/*", "https://*/*"] };
const ignore = () => {};
chrome.webRequest.onBeforeRequest.addListener(ignore, filter);
chrome.webRequest.onSendHeaders.addListener(ignore, filter, ["requestHeaders", "extraHeaders"]);
chrome.webRequest.onHeadersReceived.addListener(ignore, filter, ["responseHeaders", "extraHeaders"]);
chrome.webRequest.onBeforeRedirect.addListener(ignore, filter, ["responseHeaders", "extraHeaders"]);
chrome.webRequest.onCompleted.addListener(ignore, filter);
chrome.webRequest.onErrorOccurred.addListener(ignore, filter);
`;

/**
 * The same listeners without `extraHeaders`: Chromium then hides preflights and the
 * `Origin` header from them, so CORS Lens cannot work this way, but the difference
 * shows what `extraHeaders` itself costs.
 */
const NO_OP_WORKER_WITHOUT_EXTRA_HEADERS = NO_OP_WORKER.replaceAll(
  ', "extraHeaders"',
  "",
);

/** Writes the no-op extension into `folder` and returns the folder. */
function writeNoOpExtension(folder: string, worker: string): string {
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, "manifest.json"),
    JSON.stringify({
      manifest_version: 3,
      name: "webRequest listeners that do nothing",
      version: "1.0",
      background: { service_worker: "worker.js" },
      permissions: ["webRequest"],
      host_permissions: ["<all_urls>"],
    }),
  );
  writeFileSync(join(folder, "worker.js"), worker);
  return folder;
}

interface BenchResult {
  readonly elapsedMs: number;
  readonly failures: number;
}

/**
 * Opens the extension page that replaces the devtools page in this benchmark. It finds
 * the tab and opens the port that makes the background record it.
 */
async function openControlPage(browser: ChromiumWithExtension): Promise<Page> {
  const page = await browser.context.newPage();
  // Without `?tabId=` the panel page shows the tab picker and connects to nothing.
  await page.goto(
    `chrome-extension://${browser.extensionId}/src/panel/panel.html`,
  );
  return page;
}

/**
 * Starts recording `url`'s tab from the control page, with a `devtools` port as the
 * devtools page opens one, and resolves once the background has subscribed the tab.
 * A `panel` port is opened first only to learn when recording has started.
 */
function startRecording(control: Page, url: string): Promise<number> {
  return control.evaluate(async (wanted: string) => {
    const [tab] = await chrome.tabs.query({ url: wanted });
    const tabId = tab?.id;
    if (tabId === undefined) throw new Error(`No tab shows ${wanted}.`);
    const devtools = chrome.runtime.connect({ name: "cors-lens:devtools" });
    devtools.postMessage({ type: "subscribe", tabId });
    const probe = chrome.runtime.connect({ name: "cors-lens:panel" });
    await new Promise<void>((resolve) => {
      probe.onMessage.addListener((message: { type: string }) => {
        if (message.type === "snapshot") resolve();
      });
      probe.postMessage({ type: "subscribe", tabId });
    });
    probe.disconnect();
    Object.assign(window, { recordingPort: devtools });
    return tabId;
  }, url);
}

function stopRecording(control: Page): Promise<void> {
  return control.evaluate(() => {
    const holder = window as unknown as {
      recordingPort?: chrome.runtime.Port;
    };
    holder.recordingPort?.postMessage({ type: "clear" });
    holder.recordingPort?.disconnect();
  });
}

async function waitForResult(page: Page): Promise<BenchResult> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { benchResult?: unknown }).benchResult,
    undefined,
    { timeout: PAGE_TIMEOUT_MS, polling: 100 },
  );
  return (await handle.jsonValue()) as BenchResult;
}

interface Browsers {
  readonly withExtension: ChromiumWithExtension;
  readonly control: Page;
  readonly without: BrowserContext;
  readonly noOp: BrowserContext;
  readonly noOpWithoutExtraHeaders: BrowserContext;
}

/** Loads the benchmark page once in the given mode and returns its load time. */
async function loadOnce(
  browsers: Browsers,
  servers: OverheadServers,
  mode: Mode,
  run: number,
): Promise<number> {
  const context =
    mode === "not installed"
      ? browsers.without
      : mode === "no-op listeners"
        ? browsers.noOp
        : mode === "no-op listeners without extraHeaders"
          ? browsers.noOpWithoutExtraHeaders
          : browsers.withExtension.context;
  const page = await context.newPage();
  let panel: Page | null = null;
  try {
    if (recording(mode)) {
      const blank = servers.blankUrl(run);
      await page.goto(blank);
      const tabId = await startRecording(browsers.control, blank);
      if (mode === "recording, panel") {
        panel = await context.newPage();
        await panel.goto(
          `chrome-extension://${browsers.withExtension.extensionId}/src/panel/panel.html?tabId=${tabId}`,
        );
        await panel
          .locator('[data-testid="connection-status"][data-state="connected"]')
          .waitFor();
      }
    }
    await page.goto(servers.pageUrl(REQUEST_COUNT, CONCURRENCY));
    const result = await waitForResult(page);
    if (result.failures > 0) {
      throw new Error(`${result.failures} requests failed in mode ${mode}.`);
    }
    return result.elapsedMs;
  } finally {
    if (recording(mode)) await stopRecording(browsers.control);
    await panel?.close();
    await page.close();
  }
}

/** Starts Chromium with no extension, or with only the one in `extension`. */
function launchPlain(
  profile: string,
  extension?: string,
): Promise<BrowserContext> {
  const args = ["--no-sandbox", ...CHROMIUM_LOOPBACK_ONLY_ARGS];
  if (extension !== undefined) {
    args.push(
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
    );
  }
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
  });
}

function recording(mode: Mode): boolean {
  return mode.startsWith("recording");
}

function formatMs(value: number): string {
  return `${Math.round(value).toLocaleString("en-US")} ms`;
}

/**
 * Measures how much longer a page making 2,000 preflighted cross-origin requests takes
 * to finish while CORS Lens records its tab than in the same Chromium without the
 * extension, and with an extension whose identical webRequest listeners do nothing.
 * The modes alternate within each round, in a rotating order, so that drift in the
 * machine's speed affects all of them alike. The median of each mode is reported.
 */
export const overheadChromium: Benchmark = {
  name: "overhead-chromium",
  async run() {
    const servers = await startOverheadServers();
    const scratch = mkdtempSync(join(tmpdir(), "cors-lens-bench-"));
    const withExtension = await launchChromiumWithExtension();
    const without = await launchPlain(join(scratch, "plain"));
    const noOp = await launchPlain(
      join(scratch, "no-op-profile"),
      writeNoOpExtension(join(scratch, "no-op-extension"), NO_OP_WORKER),
    );
    const noOpWithoutExtraHeaders = await launchPlain(
      join(scratch, "no-op-plain-profile"),
      writeNoOpExtension(
        join(scratch, "no-op-plain-extension"),
        NO_OP_WORKER_WITHOUT_EXTRA_HEADERS,
      ),
    );
    const control = await openControlPage(withExtension);
    const browsers: Browsers = {
      withExtension,
      control,
      without,
      noOp,
      noOpWithoutExtraHeaders,
    };
    const times = new Map<Mode, number[]>(MODES.map((mode) => [mode, []]));
    try {
      for (const mode of MODES) await loadOnce(browsers, servers, mode, -1);
      for (let round = 0; round < MEASURED_ROUNDS; round += 1) {
        for (let step = 0; step < MODES.length; step += 1) {
          const mode = MODES[(round + step) % MODES.length] ?? "not installed";
          const elapsed = await loadOnce(browsers, servers, mode, round);
          times.get(mode)?.push(elapsed);
        }
      }
    } finally {
      await withExtension.close();
      await without.close();
      await noOp.close();
      await noOpWithoutExtraHeaders.close();
      rmSync(scratch, { recursive: true, force: true });
      await servers.close();
    }
    const baseline = median(times.get("not installed") ?? []);
    const noOpMedian = median(times.get("no-op listeners") ?? []);
    const lines = [
      `${REQUEST_COUNT} preflighted PUT requests, ${CONCURRENCY} at a time; median of ${MEASURED_ROUNDS} runs per mode, after one warm-up run each`,
    ];
    for (const mode of MODES) {
      const samples = times.get(mode) ?? [];
      const value = median(samples);
      const ratio =
        mode === "not installed"
          ? ""
          : `, ratio ${(value / baseline).toFixed(3)}` +
            (recording(mode)
              ? `, ${(value / noOpMedian).toFixed(3)} against no-op listeners`
              : "");
      lines.push(
        `${mode}: ${formatMs(value)}${ratio} (runs: ${samples.map((s) => Math.round(s)).join(", ")})`,
      );
    }
    return lines;
  },
};
