import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab } from "../../src/lab/lab-server";
import {
  launchChromiumWithExtension,
  tabIdOf,
  type ChromiumWithExtension,
} from "./support/chromium-with-extension";
import { PANEL_PATH } from "./support/detached-panel";

let lab: Awaited<ReturnType<typeof startLab>>;
let browser: ChromiumWithExtension;
let labPage: Page;
let labTabId: number;
let picker: Page;

function choice(page: Page, tabId: number) {
  return page.locator(`[data-testid="tab-choice"][data-tab-id="${tabId}"]`);
}

beforeAll(async () => {
  lab = await startLab({ pagePort: 0, apiPort: 0 });
  browser = await launchChromiumWithExtension();
  labPage = await browser.context.newPage();
  await labPage.goto(`${lab.pageOrigin}/`);
  labTabId = await tabIdOf(browser, labPage);
  picker = await browser.context.newPage();
  await picker.goto(`chrome-extension://${browser.extensionId}/${PANEL_PATH}`);
  await picker.getByTestId("tab-picker").waitFor();
});

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

describe("tab picker", () => {
  it("lists an open tab with its title and address", async () => {
    const labChoice = choice(picker, labTabId);
    await labChoice.waitFor();
    const text = await labChoice.textContent();
    expect(text).toContain("CORS Lens lab");
    expect(text).toContain(`${lab.pageOrigin}/`);
  });

  it("leaves out its own tab", async () => {
    const urls = await picker
      .getByTestId("tab-choice")
      .evaluateAll((links) => links.map((link) => link.textContent ?? ""));
    expect(urls.some((text) => text.includes("chrome-extension://"))).toBe(
      false,
    );
  });

  it("adds a tab opened after it", async () => {
    const secondPage = await browser.context.newPage();
    await secondPage.goto(`${lab.pageOrigin}/?second`);
    const secondTabId = await tabIdOf(browser, secondPage);
    await choice(picker, secondTabId).waitFor();
    await secondPage.close();
    await choice(picker, secondTabId).waitFor({ state: "detached" });
  });

  it("opens the chosen tab's view, which records it", async () => {
    await choice(picker, labTabId).click();
    await picker.waitForURL(`**/${PANEL_PATH}?tabId=${labTabId}`);
    await picker
      .getByTestId("connection-status")
      .and(picker.locator('[data-state="connected"]'))
      .waitFor();
    await labPage.evaluate(() =>
      (
        window as unknown as { runScenario(id: string): Promise<unknown> }
      ).runScenario("passing-put"),
    );
    const row = picker.locator(
      `[data-testid="exchange-row"][data-url="${lab.apiOrigin}/api/passing-put"]`,
    );
    await row.waitFor();
    expect(await row.getAttribute("data-verdict")).toBe("allowed");
  });

  it("is reachable with the keyboard", async () => {
    await picker.goto(
      `chrome-extension://${browser.extensionId}/${PANEL_PATH}`,
    );
    const labChoice = choice(picker, labTabId);
    await labChoice.waitFor();
    await labChoice.focus();
    await picker.keyboard.press("Enter");
    await picker.waitForURL(`**/${PANEL_PATH}?tabId=${labTabId}`);
  });
});
