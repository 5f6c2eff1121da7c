import type { Page } from "playwright-core";
import { launchChromiumWithExtension } from "../e2e/support/chromium-with-extension";
import { openSelfRecordingPanel } from "../e2e/support/har-panel";
import { buildListHar } from "../e2e/support/list-har";
import type { Benchmark } from "./benchmark";
import { median } from "./benchmark";

const EXCHANGE_COUNT = 10_000;
const IMPORT_ROUNDS = 3;
const ROUNDS = 7;
const RENDER_TARGET_MS = 200;
/** A pause after an import, shorter than a person takes to start typing. */
const IDLE_WAIT_MS = 1000;
const FILTER_TARGET_MS = 50;
/** Filter texts typed in turn: a method, origins, a rule id, a URL part, no match. */
const FILTER_TEXTS = [
  "delete",
  "localhost:4100",
  "vary-origin-missing",
  "127.0.0.1:4200/script",
  "no such request",
  "",
];

/** Times of one change: until the DOM was updated, and until the next frame was painted. */
interface ChangeTime {
  readonly update: number;
  readonly paint: number;
}

/**
 * Helpers defined in the panel page. They time a change from the event that causes it
 * to the end of Preact's render, which runs in a microtask right after the event. They
 * also time it to the next frame, because a task posted from requestAnimationFrame runs
 * once that frame was rendered. The helpers are text, so no bundler code gets in.
 */
const PAGE_HELPERS = `window.panelBench = {
  afterPaint() {
    return new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  },
  async time(action) {
    const start = performance.now();
    action();
    await Promise.resolve();
    const update = performance.now() - start;
    const painted = await this.afterPaint();
    return { update, paint: painted - start };
  },
  nothing() {
    return this.time(() => {});
  },
  typeFilter(text) {
    return this.time(() => {
      const input = document.querySelector('[data-testid="filter-text"]');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
      setValue.call(input, text);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
  },
  clickSort(column) {
    return this.time(() =>
      document.querySelector('[data-testid="column-header"][data-column="' + column + '"] button').click(),
    );
  },
  watchImport(count) {
    const input = document.querySelector('[data-testid="import-har-file"]');
    this.imported = new Promise((resolve) => {
      input.addEventListener("change", () => {
        const start = performance.now();
        const observer = new MutationObserver(() => {
          const counter = document.querySelector('[data-testid="exchange-count"]');
          if (counter === null || counter.getAttribute("data-count") !== String(count)) return;
          if (document.querySelector('[data-testid="exchange-row"]') === null) return;
          observer.disconnect();
          const update = performance.now() - start;
          this.afterPaint().then((painted) => resolve({ update, paint: painted - start }));
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      }, { once: true, capture: true });
    });
  },
};`;

async function importOnce(panel: Page, har: Buffer): Promise<ChangeTime> {
  await panel.evaluate(
    `window.panelBench.watchImport(${String(EXCHANGE_COUNT)})`,
  );
  await panel.getByTestId("import-har-file").setInputFiles({
    name: "bench.har",
    mimeType: "application/json",
    buffer: har,
  });
  return (await panel.evaluate("window.panelBench.imported")) as ChangeTime;
}

async function typeFilter(panel: Page, text: string): Promise<ChangeTime> {
  const time = (await panel.evaluate(
    `window.panelBench.typeFilter(${JSON.stringify(text)})`,
  )) as ChangeTime;
  const shown = await panel
    .getByTestId("exchange-count")
    .getAttribute("data-shown");
  if (text === "" && shown !== String(EXCHANGE_COUNT)) {
    throw new Error(`Clearing the filter left ${String(shown)} requests.`);
  }
  return time;
}

async function clickSort(panel: Page, column: string): Promise<ChangeTime> {
  return (await panel.evaluate(
    `window.panelBench.clickSort(${JSON.stringify(column)})`,
  )) as ChangeTime;
}

function format(milliseconds: number): string {
  return `${milliseconds.toFixed(1)} ms`;
}

function summary(
  label: string,
  times: readonly ChangeTime[],
  targetMs?: number,
): string {
  const update = median(times.map((time) => time.update));
  const paint = median(times.map((time) => time.paint));
  const target =
    targetMs === undefined
      ? ""
      : `; target ${targetMs} ms: ${paint < targetMs ? "met" : "missed"}`;
  return `${label}: ${format(update)} to update the DOM, ${format(paint)} to the next paint (median of ${times.length})${target}`;
}

/**
 * Loads 10,000 exchanges into a real panel page: the built dist/chrome-test in Chromium,
 * through "Import HAR" of a generated loopback-only HAR. Times, in the page, the import
 * until the list is painted, a render of the whole list, typing in the text filter,
 * and sorting by a column.
 */
export const panelRender: Benchmark = {
  name: "panel-render",
  async run() {
    const har = Buffer.from(buildListHar(EXCHANGE_COUNT));
    const browser = await launchChromiumWithExtension();
    try {
      const panel = await openSelfRecordingPanel(browser);
      await panel.setViewportSize({ width: 1400, height: 1000 });
      await panel.evaluate(PAGE_HELPERS);

      // After the first import the filter is typed at once. After the second, it waits
      // until the page has prepared the entries for filtering in idle periods.
      const imports: ChangeTime[] = [];
      const firstFilters: ChangeTime[] = [];
      for (let round = 0; round < IMPORT_ROUNDS; round += 1) {
        if (round > 0) await panel.getByTestId("back-to-live").click();
        imports.push(await importOnce(panel, har));
        if (round === 1) await panel.waitForTimeout(IDLE_WAIT_MS);
        if (round < 2) {
          firstFilters.push(await typeFilter(panel, "fetch"));
          await typeFilter(panel, "");
        }
      }
      const [atOnce, afterIdle] = firstFilters;
      if (atOnce === undefined || afterIdle === undefined) {
        throw new Error("The first filter was not timed.");
      }
      const filters: ChangeTime[] = [];
      const fullRenders: ChangeTime[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const text of FILTER_TEXTS) {
          const time = await typeFilter(panel, text);
          if (text === "") fullRenders.push(time);
          else filters.push(time);
        }
      }

      const sorts: ChangeTime[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        // Ascending, descending, then back to the order requests started in.
        sorts.push(await clickSort(panel, "url"));
        sorts.push(await clickSort(panel, "url"));
        await clickSort(panel, "url");
      }

      const idle: ChangeTime[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        idle.push(
          (await panel.evaluate("window.panelBench.nothing()")) as ChangeTime,
        );
      }

      const rows = await panel.getByTestId("exchange-row").count();
      return [
        `${EXCHANGE_COUNT} exchanges imported from a ${(har.length / 2 ** 20).toFixed(1)} MiB HAR; ${rows} rows rendered in a 1400x1000 page`,
        summary(
          "import to first list paint (reading, parsing, pairing and analyzing included)",
          imports,
        ),
        summary(
          "list render of all 10,000 exchanges, from an empty filter result",
          fullRenders,
          RENDER_TARGET_MS,
        ),
        `first text filter right after the import: ${format(atOnce.update)} to update the DOM, ${format(atOnce.paint)} to the next paint`,
        `first text filter ${IDLE_WAIT_MS} ms after the import: ${format(afterIdle.update)} to update the DOM, ${format(afterIdle.paint)} to the next paint`,
        summary("text filter", filters, FILTER_TARGET_MS),
        summary("sort by URL", sorts),
        summary(
          "baseline: a change that does nothing (the wait for the next frame)",
          idle,
        ),
      ];
    } finally {
      await browser.close();
    }
  },
};
