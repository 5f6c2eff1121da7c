import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_COLUMN_WIDTH_PX } from "../../src/panel/column-widths";
import {
  launchChromiumWithExtension,
  type ChromiumWithExtension,
} from "./support/chromium-with-extension";
import { importHar, openSelfRecordingPanel } from "./support/har-panel";
import {
  API_ORIGIN,
  buildListHar,
  countExchanges,
  EXCHANGE_KINDS,
  kindOf,
  OTHER_PAGE_ORIGIN,
  pageOriginOf,
  urlOf,
} from "./support/list-har";

/**
 * The exchange list with 10,000 imported exchanges in a real panel page: filters,
 * sorting, column resizing, keyboard use and virtualization.
 */

const COUNT = 10_000;
const BLOCKED = countExchanges(
  COUNT,
  (index) => kindOf(index).verdict === "blocked",
);
const ALL_SHOWN = `${COUNT} requests, ${BLOCKED} blocked`;

let browser: ChromiumWithExtension;
let panel: Page;

beforeAll(async () => {
  browser = await launchChromiumWithExtension();
  panel = await openSelfRecordingPanel(browser);
  await importHar(panel, buildListHar(COUNT), COUNT);
});

afterAll(async () => {
  await browser.close();
});

const rows = () => panel.getByTestId("exchange-row");
const header = (column: string) =>
  panel.locator(`[data-testid="column-header"][data-column="${column}"]`);
const count = () => panel.getByTestId("exchange-count");

/** Tells whether the element's box lies within the window. */
async function isInViewport(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = panel.viewportSize();
  if (box === null || size === null) return false;
  return box.y >= 0 && box.y + box.height <= size.height;
}

/** Returns an attribute of every rendered row. */
async function rowAttributes(name: string): Promise<(string | null)[]> {
  return rows().evaluateAll(
    (elements, attribute) =>
      elements.map((element) => element.getAttribute(attribute)),
    name,
  );
}

async function firstRowUrl(): Promise<string | null> {
  return rows().first().getAttribute("data-url");
}

async function focusedRowUrl(): Promise<string | null> {
  return panel.evaluate(
    () =>
      document.activeElement
        ?.closest('[data-testid="exchange-row"]')
        ?.getAttribute("data-url") ?? null,
  );
}

async function scrollList(to: "top" | "bottom"): Promise<void> {
  await panel.locator(".exchange-list").evaluate((element, where) => {
    element.scrollTop = where === "top" ? 0 : element.scrollHeight;
  }, to);
}

async function widthOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error("The element is not visible.");
  return box.width;
}

describe("exchange list with 10,000 exchanges", () => {
  it("renders only the rows in view", async () => {
    await expect
      .poll(() => count().getAttribute("data-count"))
      .toBe(String(COUNT));
    await expect.poll(() => count().textContent()).toBe(ALL_SHOWN);
    expect(await rows().count()).toBeGreaterThan(5);
    expect(await rows().count()).toBeLessThan(120);
    expect(await firstRowUrl()).toBe(urlOf(0));
    await expect
      .poll(() => panel.getByRole("grid").getAttribute("aria-rowcount"))
      .toBe(String(COUNT + 1));
  });

  it("shows the last exchange after scrolling to the end", async () => {
    await scrollList("bottom");
    const last = panel.locator(
      `[data-testid="exchange-row"][data-url="${urlOf(COUNT - 1)}"]`,
    );
    await last.waitFor();
    await expect
      .poll(() => last.getAttribute("aria-rowindex"))
      .toBe(String(COUNT + 1));
    expect(await rows().count()).toBeLessThan(120);
    await scrollList("top");
    await expect
      .poll(() => rows().first().getAttribute("data-url"))
      .toBe(urlOf(0));
  });

  it("names every column header", async () => {
    const columns = await panel
      .getByTestId("column-header")
      .evaluateAll((elements) =>
        elements.map((element) => element.getAttribute("data-column")),
      );
    expect(columns).toEqual([
      "verdict",
      "method",
      "url",
      "initiator",
      "preflight",
      "preflightStatus",
      "actualStatus",
      "finding",
    ]);
    await panel
      .getByRole("columnheader", { name: "Preflight status" })
      .waitFor();
  });
});

describe("filter bar", () => {
  it("filters by origin text and shows N of M", async () => {
    const text = panel.getByTestId("filter-text");
    await text.fill("LOCALHOST:4100");
    const expected = countExchanges(
      COUNT,
      (index) => pageOriginOf(index) === OTHER_PAGE_ORIGIN,
    );
    await expect
      .poll(() => count().getAttribute("data-shown"))
      .toBe(String(expected));
    await expect
      .poll(() => count().textContent())
      .toContain(`${expected} of ${COUNT} requests`);
    const initiators = await panel
      .locator('[data-testid="exchange-row"] .cell-initiator')
      .allTextContents();
    expect(new Set(initiators)).toEqual(new Set([OTHER_PAGE_ORIGIN]));
    await text.fill("");
    await expect.poll(() => count().textContent()).toBe(ALL_SHOWN);
  });

  it("filters by method, URL and finding rule", async () => {
    const text = panel.getByTestId("filter-text");
    await text.fill("delete");
    await expect
      .poll(() => count().getAttribute("data-shown"))
      .toBe(
        String(
          countExchanges(COUNT, (index) => kindOf(index).method === "DELETE"),
        ),
      );
    expect(new Set(await rowAttributes("data-method"))).toEqual(
      new Set(["DELETE"]),
    );

    await text.fill(`${API_ORIGIN}/script/`);
    await expect
      .poll(() => count().getAttribute("data-shown"))
      .toBe(
        String(
          countExchanges(COUNT, (index) => kindOf(index).name === "script"),
        ),
      );

    await text.fill("vary-origin-missing");
    await expect
      .poll(() => count().getAttribute("data-shown"))
      .toBe(
        String(
          countExchanges(
            COUNT,
            (index) => kindOf(index).allowOrigin === "echo-without-vary",
          ),
        ),
      );

    await text.fill("no such request");
    await expect.poll(() => count().getAttribute("data-shown")).toBe("0");
    await panel.getByText("No requests match the filter.").waitFor();
    await text.fill("");
  });

  it("shows only failing exchanges", async () => {
    await panel.getByTestId("filter-failing").check();
    await expect
      .poll(() => count().getAttribute("data-shown"))
      .toBe(String(BLOCKED));
    expect(new Set(await rowAttributes("data-verdict"))).toEqual(
      new Set(["blocked"]),
    );
    await panel.getByTestId("filter-failing").uncheck();
    await expect
      .poll(() => count().getAttribute("data-shown"))
      .toBe(String(COUNT));
  });

  it("shows only exchanges with warnings", async () => {
    await panel.getByTestId("filter-warnings").check();
    await expect
      .poll(() => count().getAttribute("data-shown"))
      .toBe(String(countExchanges(COUNT, (index) => kindOf(index).hasWarning)));
    const marks = await panel
      .locator('[data-testid="exchange-row"]')
      .evaluateAll((elements) =>
        elements.map(
          (element) => element.querySelector(".warning-mark") !== null,
        ),
      );
    expect(marks.every(Boolean)).toBe(true);
    await panel.getByTestId("filter-warnings").uncheck();
  });

  it("filters by each resource type", async () => {
    const select = panel.getByTestId("filter-type");
    for (const group of [
      "fetch",
      "font",
      "script",
      "stylesheet",
      "image",
      "other",
    ] as const) {
      await select.selectOption(group);
      const expected = countExchanges(
        COUNT,
        (index) => kindOf(index).typeGroup === group,
      );
      await expect
        .poll(() => count().getAttribute("data-shown"), { message: group })
        .toBe(String(expected));
      const kinds = new Set(
        EXCHANGE_KINDS.filter((kind) => kind.typeGroup === group).map(
          (kind) => kind.name,
        ),
      );
      for (const url of await rowAttributes("data-url")) {
        const name = (url ?? "").slice(API_ORIGIN.length + 1).split("/")[0];
        expect(kinds.has(name ?? ""), `${group}: ${String(url)}`).toBe(true);
      }
    }
    await select.selectOption("all");
    await expect
      .poll(() => count().getAttribute("data-shown"))
      .toBe(String(COUNT));
  });
});

describe("sorting", () => {
  it("sorts by a column, then reverses, then restores the order", async () => {
    const method = header("method");
    await method.getByRole("button").click();
    await expect.poll(() => method.getAttribute("aria-sort")).toBe("ascending");
    await expect
      .poll(() => rows().first().getAttribute("data-method"))
      .toBe("DELETE");

    await method.getByRole("button").click();
    await expect
      .poll(() => method.getAttribute("aria-sort"))
      .toBe("descending");
    await expect
      .poll(() => rows().first().getAttribute("data-method"))
      .toBe("PUT");

    await method.getByRole("button").click();
    await expect.poll(() => method.getAttribute("aria-sort")).toBeNull();
    await expect
      .poll(() => rows().first().getAttribute("data-url"))
      .toBe(urlOf(0));
  });

  it("sorts URLs with numbers in numeric order from the keyboard", async () => {
    const url = header("url");
    await url.getByRole("button").focus();
    await panel.keyboard.press("Enter");
    await expect.poll(() => url.getAttribute("aria-sort")).toBe("ascending");
    expect((await rowAttributes("data-url")).slice(0, 3)).toEqual([
      urlOf(9),
      urlOf(19),
      urlOf(29),
    ]);
    await panel.keyboard.press("Space");
    await expect.poll(() => url.getAttribute("aria-sort")).toBe("descending");
    await expect
      .poll(() => rows().first().getAttribute("data-url"))
      .toBe(urlOf(9993));
    await panel.keyboard.press("Enter");
    await expect.poll(() => url.getAttribute("aria-sort")).toBeNull();
  });
});

describe("keyboard", () => {
  it("moves, opens and closes the detail with the keyboard", async () => {
    const detail = panel.getByTestId("exchange-detail");
    await rows().first().click();
    await detail.waitFor();
    await panel.keyboard.press("Escape");
    await detail.waitFor({ state: "detached" });
    expect(await focusedRowUrl()).toBe(urlOf(0));

    await panel.keyboard.press("ArrowDown");
    await panel.keyboard.press("ArrowDown");
    expect(await focusedRowUrl()).toBe(urlOf(2));
    await expect
      .poll(() => rows().nth(2).getAttribute("aria-selected"))
      .toBe("true");
    await expect
      .poll(() => rows().first().getAttribute("aria-selected"))
      .toBe("false");
    await panel.keyboard.press("ArrowUp");
    expect(await focusedRowUrl()).toBe(urlOf(1));

    await panel.keyboard.press("End");
    expect(await focusedRowUrl()).toBe(urlOf(COUNT - 1));
    const last = panel.locator(
      `[data-testid="exchange-row"][data-url="${urlOf(COUNT - 1)}"]`,
    );
    expect(await isInViewport(last)).toBe(true);
    await expect.poll(() => last.getAttribute("aria-selected")).toBe("true");

    await panel.keyboard.press("Enter");
    await detail.waitFor();
    await expect.poll(() => detail.textContent()).toContain(urlOf(COUNT - 1));

    await panel.keyboard.press("Home");
    expect(await focusedRowUrl()).toBe(urlOf(0));
    await expect.poll(() => detail.textContent()).toContain(urlOf(0));

    await panel.keyboard.press("Escape");
    await detail.waitFor({ state: "detached" });
    expect(await focusedRowUrl()).toBe(urlOf(0));
    const outline = await panel.evaluate(() => {
      const active = document.activeElement;
      return active === null ? "none" : getComputedStyle(active).outlineStyle;
    });
    expect(outline).not.toBe("none");
  });

  it("returns focus to a row scrolled out of view on Escape", async () => {
    const detail = panel.getByTestId("exchange-detail");
    await rows().nth(3).click();
    await detail.waitFor();
    await scrollList("bottom");
    await panel
      .locator(`[data-testid="exchange-row"][data-url="${urlOf(3)}"]`)
      .waitFor({ state: "detached" });
    await panel.locator(".detail-pane").click();
    await panel.keyboard.press("Escape");
    await detail.waitFor({ state: "detached" });
    await expect.poll(() => focusedRowUrl()).toBe(urlOf(3));
  });
});

describe("accessibility", () => {
  it("has no axe violations in the filter bar and the list", async () => {
    const require = createRequire(import.meta.url);
    const axeSource = readFileSync(
      require.resolve("axe-core/axe.min.js"),
      "utf8",
    );
    await panel.evaluate(axeSource);
    const violations = await panel.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: unknown,
            ): Promise<{ violations: { id: string; help: string }[] }>;
          };
        }
      ).axe;
      const result = await axe.run({
        include: [[".filter-bar"], [".exchange-list"]],
      });
      return result.violations.map(
        (violation) => `${violation.id}: ${violation.help}`,
      );
    });
    expect(violations).toEqual([]);
  });
});

describe("column resizing", () => {
  it("resizes a column by dragging its header edge", async () => {
    const url = header("url");
    const before = await widthOf(url);
    const handle = panel.locator(
      '[data-testid="column-resizer"][data-column="url"]',
    );
    const box = await handle.boundingBox();
    if (box === null) throw new Error("The URL column has no resize handle.");
    const y = box.y + box.height / 2;
    await panel.mouse.move(box.x + box.width / 2, y);
    await panel.mouse.down();
    await panel.mouse.move(box.x + box.width / 2 + 60, y, { steps: 4 });
    await panel.mouse.move(box.x + box.width / 2 + 120, y, { steps: 4 });
    await panel.mouse.up();
    expect(Math.round(await widthOf(url))).toBe(Math.round(before + 120));

    const wider = await widthOf(url);
    await panel.mouse.move(box.x + 120 + box.width / 2, y);
    await panel.mouse.down();
    await panel.mouse.move(box.x - 2000, y, { steps: 4 });
    await panel.mouse.up();
    expect(Math.round(await widthOf(url))).toBe(MIN_COLUMN_WIDTH_PX);
    expect(wider).toBeGreaterThan(MIN_COLUMN_WIDTH_PX);
  });

  it("resizes a column with the arrow keys on its handle", async () => {
    const method = header("method");
    const before = await widthOf(method);
    await panel
      .locator('[data-testid="column-resizer"][data-column="method"]')
      .focus();
    await panel.keyboard.press("ArrowRight");
    await panel.keyboard.press("ArrowRight");
    expect(Math.round(await widthOf(method))).toBe(Math.round(before + 20));
  });

  it("keeps the widths after the panel reloads", async () => {
    const urlWidth = await widthOf(header("url"));
    const methodWidth = await widthOf(header("method"));
    await panel.reload();
    await panel.getByTestId("column-header").first().waitFor();
    expect(await widthOf(header("url"))).toBe(urlWidth);
    expect(await widthOf(header("method"))).toBe(methodWidth);
  });
});
