import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHROME_PRODUCT_BUILD,
  launchChromiumWithExtension,
  type ChromiumWithExtension,
} from "./support/chromium-with-extension";
import { PANEL_PATH } from "./support/detached-panel";

let browser: ChromiumWithExtension;

async function openPanel(query: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(
    `chrome-extension://${browser.extensionId}/${PANEL_PATH}${query}`,
  );
  return page;
}

beforeAll(async () => {
  browser = await launchChromiumWithExtension({ build: CHROME_PRODUCT_BUILD });
});

afterAll(async () => {
  await browser?.close();
});

describe("the Chrome build users install", () => {
  it("asks for webRequest and site access only as optional permissions", () => {
    const manifest = JSON.parse(
      readFileSync(join(CHROME_PRODUCT_BUILD, "manifest.json"), "utf8"),
    ) as Record<string, unknown>;
    expect(manifest["permissions"]).toEqual(["storage"]);
    expect(manifest["optional_permissions"]).toEqual(["webRequest"]);
    expect(manifest["host_permissions"]).toBeUndefined();
    expect(manifest["optional_host_permissions"]).toEqual(["<all_urls>"]);
  });

  it("runs its background without webRequest until it is granted", async () => {
    const worker = await browser.worker();
    const state = await worker.evaluate(async () => ({
      webRequest: typeof (chrome as { webRequest?: unknown }).webRequest,
      granted: await chrome.permissions.contains({
        permissions: ["webRequest"],
      }),
    }));
    expect(state).toEqual({ webRequest: "undefined", granted: false });
  });

  it.each([
    ["the view of a tab", "?tabId=1"],
    ["the tab picker", ""],
  ])("shows %s only after asking for the permission", async (_name, query) => {
    const page = await openPanel(query);
    try {
      const request = page.getByTestId("permission-request");
      await request.waitFor();
      await expect
        .poll(() =>
          page
            .getByRole("button", { name: "Allow recording outside DevTools" })
            .isEnabled(),
        )
        .toBe(true);
      expect(await page.getByTestId("exchange-list").count()).toBe(0);
      expect(await page.getByTestId("tab-picker").count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
