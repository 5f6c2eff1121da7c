import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_LOOPBACK_ONLY_ARGS } from "../../src/lab/chromium";
import { CHROMIUM_PATH } from "./support/chromium-with-extension";
import {
  devtoolsExtensionFrames,
  type DevtoolsExtensionFrames,
} from "./support/devtools-window";

/**
 * The DevTools window helpers against a small extension whose devtools page records
 * the URL of every request `chrome.devtools.network.onRequestFinished` reports, and
 * which adds a "CORS" panel.
 */

const PLAYGROUND_FILES: Record<string, string> = {
  "manifest.json": JSON.stringify({
    manifest_version: 3,
    name: "DevTools window playground",
    version: "1.0",
    devtools_page: "devtools/devtools.html",
    background: { service_worker: "worker.js" },
    permissions: ["tabs"],
  }),
  "worker.js": "// Present so that the test can read the extension id.\n",
  "devtools/devtools.html":
    '<!doctype html><script src="devtools.js"></script>\n',
  "devtools/devtools.js": `
self.finishedUrls = [];
chrome.devtools.network.onRequestFinished.addListener((entry) => {
  self.finishedUrls.push(entry.request.url);
});
self.panelShownCount = 0;
chrome.devtools.panels.create("CORS", "", "panel.html", (panel) => {
  panel.onShown.addListener(() => {
    self.panelShownCount += 1;
  });
});
`,
  "panel.html":
    '<!doctype html><title>Playground panel</title><script src="panel.js"></script>\n',
  "panel.js": "self.panelScriptRan = true;\n",
};

/** Serves a page that fetches `/data?tab=<tab>` for the `tab` in its own query. */
function startServer(): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/page") {
      const tab = url.searchParams.get("tab") ?? "";
      response.setHeader("content-type", "text/html");
      response.end(
        `<!doctype html><script>fetch("/data?tab=${encodeURIComponent(tab)}")</script>`,
      );
      return;
    }
    response.setHeader("content-type", "application/json");
    response.end("{}");
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(server)),
  );
}

let workDir: string;
let server: Server;
let origin: string;
let context: BrowserContext;
let extensionId: string;
let page: Page;
let otherPage: Page;
let frames: DevtoolsExtensionFrames;
let otherFrames: DevtoolsExtensionFrames;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "cors-lens-devtools-window-"));
  const extensionDir = join(workDir, "extension");
  for (const [path, text] of Object.entries(PLAYGROUND_FILES)) {
    const file = join(extensionDir, path);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, text);
  }

  server = await startServer();
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  context = await chromium.launchPersistentContext(join(workDir, "profile"), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      `--load-extension=${extensionDir}`,
      `--disable-extensions-except=${extensionDir}`,
      "--auto-open-devtools-for-tabs",
      ...CHROMIUM_LOOPBACK_ONLY_ARGS,
    ],
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent("serviceworker"));
  extensionId = new URL(worker.url()).host;

  // Two tabs, each with its own DevTools window, so that a lookup that picks the
  // wrong window shows up as requests from the wrong tab.
  otherPage = context.pages()[0] ?? (await context.newPage());
  page = await context.newPage();
  frames = await devtoolsExtensionFrames(context, page, extensionId);
  otherFrames = await devtoolsExtensionFrames(context, otherPage, extensionId);
});

afterAll(async () => {
  await frames?.close();
  await otherFrames?.close();
  await context?.close();
  server?.close();
  if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
});

const finishedUrls = (of: DevtoolsExtensionFrames) =>
  of.evaluateInDevtoolsPage<string[]>("self.finishedUrls");

describe("devtoolsExtensionFrames", () => {
  it("reports the inspected tab's id", async () => {
    const worker = context.serviceWorkers()[0];
    expect(worker).toBeDefined();
    await page.goto(`${origin}/page?tab=id`);
    const tabIds = await worker?.evaluate(async (url: string) => {
      const tabs = await chrome.tabs.query({ url });
      return tabs.map((tab) => tab.id);
    }, page.url());

    expect(tabIds).toEqual([frames.inspectedTabId]);
    expect(otherFrames.inspectedTabId).not.toBe(frames.inspectedTabId);
  });

  it("sees requests of its own tab only", async () => {
    await otherPage.goto(`${origin}/page?tab=other`);
    await page.goto(`${origin}/page?tab=own`);

    await expect
      .poll(() => finishedUrls(frames))
      .toContain(`${origin}/data?tab=own`);
    await expect
      .poll(() => finishedUrls(otherFrames))
      .toContain(`${origin}/data?tab=other`);
    expect(await finishedUrls(frames)).not.toContain(
      `${origin}/data?tab=other`,
    );
    expect(await finishedUrls(otherFrames)).not.toContain(
      `${origin}/data?tab=own`,
    );
  });

  it("awaits a promise the expression returns", async () => {
    const tabId = await frames.evaluateInDevtoolsPage<number>(
      "Promise.resolve(chrome.devtools.inspectedWindow.tabId)",
    );

    expect(tabId).toBe(frames.inspectedTabId);
  });

  it("throws what the expression throws", async () => {
    await expect(
      frames.evaluateInDevtoolsPage('(() => { throw new Error("boom"); })()'),
    ).rejects.toThrow(/Error: boom/);
  });

  it("names the frames seen for an unknown extension", async () => {
    const unknownId = "a".repeat(32);

    await expect(
      devtoolsExtensionFrames(context, page, unknownId, { timeoutMs: 500 }),
    ).rejects.toThrow(
      /No loaded devtools page of chrome-extension:\/\/a{32} in DevTools window .*Frames seen: iframe chrome-extension:\/\/[a-p]{32}\/devtools\/devtools\.html/,
    );
  });
});

describe("showPanel", () => {
  it("shows the panel and evaluates in its frame", async () => {
    const panel = await frames.showPanel("CORS");

    expect(await panel.evaluate("document.title")).toBe("Playground panel");
    expect(await panel.evaluate("location.pathname")).toBe("/panel.html");
    expect(await panel.evaluate("self.panelScriptRan")).toBe(true);
    expect(await panel.evaluate("document.visibilityState")).toBe("visible");
    expect(await panel.evaluate("innerWidth")).toBeGreaterThan(0);
    await expect
      .poll(() => frames.evaluateInDevtoolsPage("self.panelShownCount"))
      .toBe(1);
  });

  it("shows no panel in the other tab's window", async () => {
    await frames.showPanel("CORS");

    expect(
      await otherFrames.evaluateInDevtoolsPage("self.panelShownCount"),
    ).toBe(0);
  });

  it("brings its window to the front", async () => {
    const otherPanel = await otherFrames.showPanel("CORS");
    expect(await otherPanel.evaluate("document.visibilityState")).toBe(
      "visible",
    );

    const panel = await frames.showPanel("CORS");

    expect(await panel.evaluate("document.visibilityState")).toBe("visible");
  });

  it("names the panels seen for an unknown title", async () => {
    const shortWait = await devtoolsExtensionFrames(
      context,
      page,
      extensionId,
      {
        timeoutMs: 500,
      },
    );
    try {
      await expect(shortWait.showPanel("Missing")).rejects.toThrow(
        /No DevTools panel titled "Missing" .*network: Network.*CORS/,
      );
    } finally {
      await shortWait.close();
    }
  });
});
