import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDetachedPanel } from "./support/detached-panel";
import { openLabSession, type LabSession } from "./support/lab-session";

let session: LabSession;
/** A loopback server whose responses do not replace the page that navigates to them. */
let server: Server;
let serverOrigin: string;

function row(panel: Page, id: string) {
  return panel.locator(
    `[data-testid="exchange-row"][data-url="${session.scenarioUrl(id)}"]`,
  );
}

function rowCount(panel: Page): Promise<number> {
  return panel.getByTestId("exchange-row").count();
}

/** Loads the lab page again in its tab: a new top-level document. */
async function reloadLabPage(): Promise<void> {
  await session.labPage.goto(
    `${session.lab.pageOrigin}/?reloaded=${Date.now()}`,
  );
}

/** Runs a scenario and waits until the panel lists it. */
async function runAndWait(id: string): Promise<void> {
  await session.runScenario(id);
  await expect.poll(() => row(session.panel, id).count()).toBe(1);
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
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Makes the lab page navigate its top-level frame by assigning `location`. */
async function navigateLabPageTo(url: string): Promise<void> {
  await session.labPage.evaluate((target) => {
    location.href = target;
  }, url);
}

beforeAll(async () => {
  await startServer();
  session = await openLabSession();
});

afterAll(async () => {
  await session?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("capture controls", () => {
  it("start with both options off", async () => {
    const { panel } = session;
    expect(
      await panel.getByTestId("preserve-log").getAttribute("aria-pressed"),
    ).toBe("false");
    expect(
      await panel.getByTestId("pause-recording").getAttribute("aria-pressed"),
    ).toBe("false");
  });

  it("clear the list when the tab loads a new page", async () => {
    await runAndWait("passing-put");
    await reloadLabPage();
    await expect.poll(() => rowCount(session.panel)).toBe(0);
  });

  it("keep the list after a 204 response and a download", async () => {
    await runAndWait("passing-put");
    const { labPage } = session;
    const noContent = `${serverOrigin}/no-content`;
    const responded = labPage.waitForResponse(noContent);
    await navigateLabPageTo(noContent);
    expect((await responded).status()).toBe(204);
    const downloaded = labPage.waitForEvent("download");
    await navigateLabPageTo(`${serverOrigin}/download`);
    await downloaded;
    // The lab page stays; a request made after both navigations is listed with
    // the earlier one.
    await runAndWait("headers-only-on-preflight");
    expect(await row(session.panel, "passing-put").count()).toBe(1);
    expect(session.labPage.url().startsWith(session.lab.pageOrigin)).toBe(true);
  });

  it("keep the list across a new page with preserve log on", async () => {
    const { panel } = session;
    await panel.getByTestId("clear").click();
    await expect.poll(() => rowCount(panel)).toBe(0);
    await panel.getByTestId("preserve-log").click();
    await expect
      .poll(() =>
        panel.getByTestId("preserve-log").getAttribute("aria-pressed"),
      )
      .toBe("true");

    await runAndWait("passing-put");
    await reloadLabPage();
    await runAndWait("authorization-not-allowed");
    expect(await row(panel, "passing-put").count()).toBe(1);
  });

  it("show the options in every panel of the tab", async () => {
    const second = await openDetachedPanel(session.browser, session.tabId);
    await expect
      .poll(() =>
        second.getByTestId("preserve-log").getAttribute("aria-pressed"),
      )
      .toBe("true");
    await second.getByTestId("preserve-log").click();
    await expect
      .poll(() =>
        session.panel.getByTestId("preserve-log").getAttribute("aria-pressed"),
      )
      .toBe("false");
    await second.close();
  });

  it("record nothing while paused and record again after resuming", async () => {
    const { panel } = session;
    await panel.getByTestId("clear").click();
    await expect.poll(() => rowCount(panel)).toBe(0);
    const pause = panel.getByTestId("pause-recording");
    await pause.click();
    await expect.poll(() => pause.getAttribute("aria-pressed")).toBe("true");
    await expect
      .poll(() => panel.getByTestId("recording-paused").textContent())
      .toContain("Recording paused");

    const outcome = await session.runScenario("passing-put");
    expect(outcome.ok).toBe(true);

    await pause.click();
    await expect.poll(() => pause.getAttribute("aria-pressed")).toBe("false");
    expect(await panel.getByTestId("recording-paused").textContent()).toBe("");
    await runAndWait("wildcard-with-credentials");
    expect(await row(panel, "passing-put").count()).toBe(0);
    expect(await rowCount(panel)).toBe(1);
  });
});
