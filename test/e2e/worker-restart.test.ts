import { afterAll, beforeAll, expect, it } from "vitest";
import { stopServiceWorker } from "./support/chromium-with-extension";
import { openLabSession, type LabSession } from "./support/lab-session";

let session: LabSession;

beforeAll(async () => {
  session = await openLabSession();
});

afterAll(async () => {
  await session?.close();
});

it("keeps every exchange when the service worker stops between two requests", async () => {
  const { panel } = session;
  const rows = panel.getByTestId("exchange-row");
  const first = session.scenarioUrl("passing-put");
  const second = session.scenarioUrl("headers-only-on-preflight");

  await session.runScenario("passing-put");
  await expect.poll(() => rows.count()).toBe(1);

  // A global set in the running worker is gone once Chromium started a new one.
  const worker = await session.browser.worker();
  await worker.evaluate(() => Object.assign(globalThis, { beforeStop: true }));
  await stopServiceWorker(session.browser, session.labPage);
  await expect
    .poll(async () => {
      const current = await session.browser.worker();
      return current
        .evaluate(() => "beforeStop" in globalThis)
        .catch(() => "stopped");
    })
    .not.toBe(true);

  await session.runScenario("headers-only-on-preflight");
  await expect.poll(() => rows.count()).toBe(2);
  await expect
    .poll(() =>
      panel.getByTestId("connection-status").getAttribute("data-state"),
    )
    .toBe("connected");

  const urls = await rows.evaluateAll((elements) =>
    elements.map((element) => element.getAttribute("data-url")),
  );
  expect(urls).toEqual([first, second]);
  await expect
    .poll(() => rows.nth(0).getAttribute("data-verdict"))
    .toBe("allowed");
  await expect
    .poll(() => rows.nth(1).getAttribute("data-verdict"))
    .toBe("blocked");
});

it("shows the stored exchanges in a panel opened after the restart", async () => {
  const { openDetachedPanel } = await import("./support/detached-panel");
  const laterPanel = await openDetachedPanel(session.browser, session.tabId);
  const rows = laterPanel.getByTestId("exchange-row");
  await expect.poll(() => rows.count()).toBe(2);
  await laterPanel.close();
});
