import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_LOOPBACK_ONLY_ARGS } from "../../src/lab/chromium";
import {
  CHROMIUM_PATH,
  launchChromiumWithExtension,
  type ChromiumWithExtension,
} from "../e2e/support/chromium-with-extension";
import type { Benchmark } from "./benchmark";
import { median } from "./benchmark";
import {
  devtoolsExtensionFrames,
  type DevtoolsExtensionFrames,
} from "../e2e/support/devtools-window";
import { startOverheadServers, type OverheadServers } from "./overhead-server";

const REQUEST_COUNT = 2_000;
/** Requests the page keeps in flight at once, as a busy single-page app does. */
const CONCURRENCY = 20;
const MEASURED_ROUNDS = 5;
const PAGE_TIMEOUT_MS = 300_000;

/** How a run loads the page. */
type Mode =
  | "not installed"
  | "not installed, DevTools open"
  | "installed, DevTools closed"
  | "recording in DevTools"
  | "recording in DevTools, CORS panel shown"
  | "webRequest permission, no listener"
  | "no-op webRequest listeners"
  | "recording through webRequest";

const MODES: readonly Mode[] = [
  "not installed",
  "not installed, DevTools open",
  "installed, DevTools closed",
  "recording in DevTools",
  "recording in DevTools, CORS panel shown",
  "webRequest permission, no listener",
  "no-op webRequest listeners",
  "recording through webRequest",
];

/** The modes in which CORS Lens records in DevTools. */
const DEVTOOLS_CAPTURE_MODES: ReadonlySet<Mode> = new Set([
  "recording in DevTools",
  "recording in DevTools, CORS panel shown",
]);

/** The modes whose page has DevTools open, compared with the DevTools baseline. */
const DEVTOOLS_MODES: ReadonlySet<Mode> = new Set([
  "not installed, DevTools open",
  ...DEVTOOLS_CAPTURE_MODES,
]);

/**
 * A service worker that registers the webRequest listeners CORS Lens registers for
 * capture outside DevTools, with the same `extraHeaders`, and does nothing in them.
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
  readonly plain: BrowserContext;
  readonly plainWithDevtools: BrowserContext;
  /** The product build, DevTools closed. */
  readonly installed: BrowserContext;
  /** The product build, DevTools open on every tab. */
  readonly devtools: BrowserContext;
  readonly devtoolsControl: Page;
  readonly devtoolsExtensionId: string;
  readonly permissionOnly: BrowserContext;
  readonly noOp: BrowserContext;
  /** The build with webRequest granted at install, recording like the detached view. */
  readonly webRequest: ChromiumWithExtension;
  readonly webRequestControl: Page;
}

function contextOf(browsers: Browsers, mode: Mode): BrowserContext {
  switch (mode) {
    case "not installed":
      return browsers.plain;
    case "not installed, DevTools open":
      return browsers.plainWithDevtools;
    case "installed, DevTools closed":
      return browsers.installed;
    case "recording in DevTools":
    case "recording in DevTools, CORS panel shown":
      return browsers.devtools;
    case "webRequest permission, no listener":
      return browsers.permissionOnly;
    case "no-op webRequest listeners":
      return browsers.noOp;
    case "recording through webRequest":
      return browsers.webRequest.context;
  }
}

/** Loads the benchmark page once in the given mode and returns its load time. */
async function loadOnce(
  browsers: Browsers,
  servers: OverheadServers,
  mode: Mode,
  run: number,
): Promise<number> {
  const page = await contextOf(browsers, mode).newPage();
  let frames: DevtoolsExtensionFrames | null = null;
  try {
    const blank = servers.blankUrl(run);
    await page.goto(blank);
    if (mode === "recording in DevTools, CORS panel shown") {
      frames = await devtoolsExtensionFrames(
        browsers.devtools,
        page,
        browsers.devtoolsExtensionId,
      );
      await frames.showPanel("CORS");
    }
    if (mode === "recording through webRequest") {
      await startRecording(browsers.webRequestControl, blank);
    }
    if (DEVTOOLS_CAPTURE_MODES.has(mode)) {
      await devtoolsCaptureSize(browsers.devtoolsControl);
    }
    await page.goto(servers.pageUrl(REQUEST_COUNT, CONCURRENCY));
    const result = await waitForResult(page);
    if (result.failures > 0) {
      throw new Error(`${result.failures} requests failed in mode ${mode}.`);
    }
    if (DEVTOOLS_CAPTURE_MODES.has(mode)) {
      await waitForCapturedEntries(browsers.devtoolsControl, REQUEST_COUNT * 2);
    }
    return result.elapsedMs;
  } finally {
    if (mode === "recording through webRequest") {
      await stopRecording(browsers.webRequestControl);
    }
    await frames?.close();
    await page.close();
  }
}

/**
 * Asks the devtools page of the newest tab for a snapshot over the capture channel, as
 * the CORS panel does, and returns the number of HAR entries it contains. DevTools opens
 * before the extension's devtools page has loaded, so this retries until it replies.
 */
function devtoolsCaptureSize(control: Page): Promise<number> {
  return control.evaluate(async () => {
    const own = (await chrome.tabs.getCurrent())?.id;
    const tabs = await chrome.tabs.query({});
    const tabId = Math.max(
      ...tabs.flatMap((tab) =>
        tab.id === undefined || tab.id === own ? [] : [tab.id],
      ),
    );
    const channel = new BroadcastChannel(`cors-lens:devtools:${tabId}`);
    try {
      // No named function in here: the bundler would wrap it in a helper that does
      // not exist in the page.
      const subscribe = {
        from: "overhead-bench",
        message: { type: "subscribe", tabId },
      };
      return await new Promise<number>((resolve, reject) => {
        const retry = setInterval(() => channel.postMessage(subscribe), 200);
        const limit = setTimeout(() => {
          clearInterval(retry);
          reject(
            new Error(
              `Timed out waiting for a snapshot from the devtools page of tab ${tabId}.`,
            ),
          );
        }, 30_000);
        channel.onmessage = (event: MessageEvent<unknown>) => {
          const data = event.data as {
            to?: unknown;
            message?: { type?: unknown; entries?: unknown[] };
          };
          if (data.to !== "overhead-bench") return;
          if (data.message?.type !== "snapshot") return;
          clearInterval(retry);
          clearTimeout(limit);
          resolve(data.message.entries?.length ?? 0);
        };
        channel.postMessage(subscribe);
      });
    } finally {
      channel.postMessage({
        from: "overhead-bench",
        message: { type: "unsubscribe" },
      });
      channel.close();
    }
  });
}

/**
 * Waits until the devtools page contains `expected` entries. DevTools finishes the last
 * requests' entries a little after the page has read their responses, so the count is
 * polled. Throws when it stays short, which would mean lost requests.
 */
async function waitForCapturedEntries(
  control: Page,
  expected: number,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  let captured = await devtoolsCaptureSize(control);
  while (captured < expected) {
    if (Date.now() > deadline) {
      throw new Error(
        `DevTools capture contains ${captured} entries, expected ${expected}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    captured = await devtoolsCaptureSize(control);
  }
}

/** Starts Chromium with no extension, or with only the one in `extension`. */
function launchPlain(
  profile: string,
  options: { readonly extension?: string; readonly devtools?: boolean } = {},
): Promise<BrowserContext> {
  const args = ["--no-sandbox", ...CHROMIUM_LOOPBACK_ONLY_ARGS];
  if (options.extension !== undefined) {
    args.push(
      `--disable-extensions-except=${options.extension}`,
      `--load-extension=${options.extension}`,
    );
  }
  if (options.devtools === true) args.push("--auto-open-devtools-for-tabs");
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
  });
}

/** Opens an extension page of `context`'s only extension, to run extension code in. */
async function openExtensionPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(
    `chrome-extension://${await extensionIdOf(context)}/src/panel/panel.html`,
  );
  return page;
}

async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent("serviceworker"));
  return new URL(worker.url()).host;
}

function formatMs(value: number): string {
  return `${Math.round(value).toLocaleString("en-US")} ms`;
}

/**
 * Measures how much longer a page making 2,000 preflighted cross-origin requests takes
 * to finish with CORS Lens than in the same Chromium without it: recording in DevTools
 * against DevTools open without the extension, installed with DevTools closed against
 * not installed, and, to show what capture outside DevTools costs, the webRequest
 * permission alone, listeners that do nothing, and CORS Lens recording through them.
 * The modes alternate within each round, in a rotating order, so that drift in the
 * machine's speed affects all of them alike. The median of each mode is reported.
 */
export const overheadChromium: Benchmark = {
  name: "overhead-chromium",
  async run() {
    const servers = await startOverheadServers();
    const scratch = mkdtempSync(join(tmpdir(), "cors-lens-bench-"));
    const product = resolve("dist/chrome");
    const launched: { close(): Promise<void> }[] = [];
    const launch = async (
      name: string,
      options: { readonly extension?: string; readonly devtools?: boolean },
    ) => {
      const context = await launchPlain(join(scratch, name), options);
      launched.push(context);
      return context;
    };
    const times = new Map<Mode, number[]>(MODES.map((mode) => [mode, []]));
    try {
      const devtools = await launch("devtools", {
        extension: product,
        devtools: true,
      });
      const webRequest = await launchChromiumWithExtension();
      launched.push(webRequest);
      const browsers: Browsers = {
        plain: await launch("plain", {}),
        plainWithDevtools: await launch("plain-devtools", { devtools: true }),
        installed: await launch("installed", { extension: product }),
        devtools,
        devtoolsControl: await openExtensionPage(devtools),
        devtoolsExtensionId: await extensionIdOf(devtools),
        permissionOnly: await launch("permission-only", {
          extension: writeNoOpExtension(
            join(scratch, "permission-only-extension"),
            "",
          ),
        }),
        noOp: await launch("no-op", {
          extension: writeNoOpExtension(
            join(scratch, "no-op-extension"),
            NO_OP_WORKER,
          ),
        }),
        webRequest,
        webRequestControl: await openControlPage(webRequest),
      };
      for (const mode of MODES) await loadOnce(browsers, servers, mode, -1);
      for (let round = 0; round < MEASURED_ROUNDS; round += 1) {
        for (let step = 0; step < MODES.length; step += 1) {
          const mode = MODES[(round + step) % MODES.length] ?? "not installed";
          const elapsed = await loadOnce(browsers, servers, mode, round);
          times.get(mode)?.push(elapsed);
        }
      }
    } finally {
      for (const browser of launched) await browser.close();
      rmSync(scratch, { recursive: true, force: true });
      await servers.close();
    }
    const baseline = median(times.get("not installed") ?? []);
    const devtoolsBaseline = median(
      times.get("not installed, DevTools open") ?? [],
    );
    const lines = [
      `${REQUEST_COUNT} preflighted PUT requests, ${CONCURRENCY} at a time; median of ${MEASURED_ROUNDS} runs per mode, after one warm-up run each`,
    ];
    for (const mode of MODES) {
      const samples = times.get(mode) ?? [];
      const value = median(samples);
      const against = DEVTOOLS_MODES.has(mode) ? devtoolsBaseline : baseline;
      const ratio =
        mode === "not installed" || mode === "not installed, DevTools open"
          ? ""
          : `, ratio ${(value / against).toFixed(3)} against not installed${DEVTOOLS_MODES.has(mode) ? " with DevTools open" : ""}`;
      lines.push(
        `${mode}: ${formatMs(value)}${ratio} (runs: ${samples.map((sample) => Math.round(sample)).join(", ")})`,
      );
    }
    lines.push(
      `DevTools open without CORS Lens, against closed: ratio ${(devtoolsBaseline / baseline).toFixed(3)}`,
    );
    return lines;
  },
};
