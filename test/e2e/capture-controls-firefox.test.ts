import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openFirefoxLabSession,
  type FirefoxLabSession,
} from "./support/firefox-lab-session";
import {
  attributeOf,
  countOf,
  rowSelector,
  waitForValue,
} from "./support/firefox-panel";

const ROWS = '[data-testid="exchange-row"]';
const PRESERVE_LOG = '[data-testid="preserve-log"]';
const PAUSE_RECORDING = '[data-testid="pause-recording"]';

let session: FirefoxLabSession;
/** A loopback server whose responses do not replace the page that navigates to them. */
let server: Server;
let serverOrigin: string;
/** Paths the server responded to, in order. */
const served: string[] = [];

function rowCount(): Promise<number> {
  return countOf(session.panel, ROWS);
}

function scenarioRowCount(id: string): Promise<number> {
  return countOf(session.panel, rowSelector(session.scenarioUrl(id)));
}

/** Runs a scenario and waits until the panel lists it. */
async function runAndWait(id: string): Promise<void> {
  await session.runScenario(id);
  await waitForValue(() => scenarioRowCount(id), 1);
}

/**
 * Loads the lab page again in its tab: a new top-level document. It assigns `location`
 * because `goto` timed out after the 204 and download navigations (Firefox 153 over
 * WebDriver BiDi).
 */
async function reloadLabPage(): Promise<void> {
  const token = String(Date.now());
  await session.labPage.evaluate((url: string) => {
    location.href = url;
  }, `${session.lab.pageOrigin}/?reloaded=${token}`);
  await session.labPage.waitForFunction(
    (expected: string) =>
      location.search === `?reloaded=${expected}` &&
      "runScenario" in window &&
      document.readyState === "complete",
    { timeout: 15_000 },
    token,
  );
}

/** Makes the lab page navigate to `path` on the server, and waits for the response. */
async function navigateLabPageTo(path: string): Promise<void> {
  const before = served.length;
  await session.labPage.evaluate((target: string) => {
    location.href = target;
  }, `${serverOrigin}${path}`);
  await waitForValue(async () => served.length > before, true);
  // Firefox reports the response to the extension right after it arrives.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

async function clickAndWaitPressed(
  selector: string,
  pressed: string,
): Promise<void> {
  await session.panel.click(selector);
  await waitForValue(
    () => attributeOf(session.panel, selector, "aria-pressed"),
    pressed,
  );
}

async function startServer(): Promise<void> {
  server = createServer((request, response) => {
    if (request.url === "/no-content") {
      response.writeHead(204);
    } else {
      response.writeHead(200, {
        "Content-Type": "text/plain",
        "Content-Disposition": 'attachment; filename="report.txt"',
      });
      response.write("saved, not shown");
    }
    response.end(() => served.push(request.url ?? ""));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  await startServer();
  session = await openFirefoxLabSession();
});

afterAll(async () => {
  await session?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("capture controls in Firefox", () => {
  it("clear the list when the tab loads a new page", async () => {
    await runAndWait("passing-put");
    await reloadLabPage();
    await waitForValue(rowCount, 0);
  });

  it("keep the list after a 204 response and a download", async () => {
    await runAndWait("passing-put");
    await navigateLabPageTo("/no-content");
    await navigateLabPageTo("/download");
    await runAndWait("headers-only-on-preflight");
    expect(await scenarioRowCount("passing-put")).toBe(1);
  });

  it("keep the list across a new page with preserve log on", async () => {
    await session.panel.click('[data-testid="clear"]');
    await waitForValue(rowCount, 0);
    await clickAndWaitPressed(PRESERVE_LOG, "true");

    await runAndWait("passing-put");
    await reloadLabPage();
    await runAndWait("authorization-not-allowed");
    expect(await scenarioRowCount("passing-put")).toBe(1);
    await clickAndWaitPressed(PRESERVE_LOG, "false");
  });

  it("record nothing while paused and record again after resuming", async () => {
    await session.panel.click('[data-testid="clear"]');
    await waitForValue(rowCount, 0);
    await clickAndWaitPressed(PAUSE_RECORDING, "true");

    const outcome = await session.runScenario("passing-put");
    expect(outcome.ok).toBe(true);

    await clickAndWaitPressed(PAUSE_RECORDING, "false");
    await runAndWait("wildcard-with-credentials");
    expect(await scenarioRowCount("passing-put")).toBe(0);
    expect(await rowCount()).toBe(1);
  });
});
