/**
 * Page-side helpers of the hostile test and benchmark. Each runs in a browser page, so
 * it uses nothing from this module's scope and declares no named inner functions.
 */

/**
 * Records main-thread tasks of 50 ms or more in `window.longTasks`, as start time and
 * duration. Leaves `window.longTasks` unset where the browser reports no `longtask`
 * entries, as in Firefox 153.
 */
export function observeLongTasks(): void {
  if (!PerformanceObserver.supportedEntryTypes.includes("longtask")) return;
  const tasks: { start: number; duration: number }[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      tasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: "longtask", buffered: true });
  Object.assign(window, { longTasks: tasks });
}

/** Tells whether any injected script ran and set `window.__pwned`. */
export function pwned(): unknown {
  return (window as unknown as { __pwned?: unknown }).__pwned;
}

/** What the page sends: each path once, as a preflighted PUT. */
export interface HostileRequests {
  readonly apiOrigin: string;
  readonly paths: readonly string[];
  readonly hostileValue: string;
}

/** Sends every request, one after the other, and returns how each ended. */
export async function sendHostileRequests(
  requests: HostileRequests,
): Promise<string[]> {
  const outcomes: string[] = [];
  for (const path of requests.paths) {
    try {
      const response = await fetch(requests.apiOrigin + path, {
        method: "PUT",
        headers: {
          "Content-Type": "application/json",
          "X-Evil": requests.hostileValue,
        },
        body: "{}",
        cache: "no-store",
      });
      await response.text();
      outcomes.push(`${path}: ${response.status}`);
    } catch (error) {
      outcomes.push(`${path}: ${String(error)}`);
    }
  }
  return outcomes;
}

/** How long the panel took to show one exchange's detail. */
export interface DetailTiming {
  /** From the click on the exchange's row to the frame that painted its detail. */
  readonly milliseconds: number;
  /**
   * Maximum duration of the main-thread tasks that started in that time. It is 0 when
   * none took 50 ms or more, and null where `observeLongTasks` does not run.
   */
  readonly maxTaskMs: number | null;
}

/**
 * Clicks the row of `url` and resolves once the detail of that exchange has been
 * rendered and painted, with the time it took. Throws when the detail does not show
 * the exchange within 600 frames.
 */
export async function selectAndTime(url: string): Promise<DetailTiming> {
  const row = [
    ...document.querySelectorAll<HTMLElement>('[data-testid="exchange-row"]'),
  ].find((element) => element.dataset.url === url);
  if (row === undefined) throw new Error(`No row shows ${url}.`);

  const start = performance.now();
  row.click();
  for (let frame = 0; ; frame += 1) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const detail = document.querySelector('[data-testid="exchange-detail"]');
    const shownUrl = detail?.querySelector(
      ".request-column--actual .request-url",
    );
    if (shownUrl?.textContent === url) break;
    if (frame === 600) {
      throw new Error(`The detail did not show ${url} within 600 frames.`);
    }
  }
  // The frame after the one that rendered the detail has painted it.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const milliseconds = performance.now() - start;

  const tasks = (
    window as unknown as {
      longTasks?: readonly { start: number; duration: number }[];
    }
  ).longTasks;
  if (tasks === undefined) return { milliseconds, maxTaskMs: null };
  // Chromium delivers a long task to observers in a later task, after it ended.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const durations = tasks
    .filter((task) => task.start >= start)
    .map((task) => task.duration);
  return { milliseconds, maxTaskMs: Math.max(0, ...durations) };
}

/** Size of the rendered detail of the selected exchange. */
export interface DetailSize {
  readonly elements: number;
  readonly textLength: number;
  /** Rows of the header table that renders the most rows. */
  readonly maxTableRows: number;
}

export function detailSize(): DetailSize {
  const detail = document.querySelector('[data-testid="exchange-detail"]');
  if (detail === null) throw new Error("No exchange detail is shown.");
  const tableRows = [...detail.querySelectorAll(".header-table")].map(
    (table) => table.querySelectorAll("tr").length,
  );
  return {
    elements: detail.querySelectorAll("*").length,
    textLength: detail.textContent?.length ?? 0,
    maxTableRows: Math.max(0, ...tableRows),
  };
}

/** Returns the text length of each rendered value of the header `name`. */
export function valueTextLengths(name: string): number[] {
  return [
    ...document.querySelectorAll(
      `[data-testid="exchange-detail"] tr[data-header="${name}"] .header-value`,
    ),
  ].map((value) => value.textContent?.length ?? 0);
}

/** The rows a header table had at first and after each "Show more" click. */
export interface HeaderRowSteps {
  /** Rows matching the row selector before the first click. */
  readonly initialRows: number;
  readonly steps: readonly {
    /** Rows matching the row selector after this click. */
    readonly rows: number;
    /** From the click to the frame that painted the added rows. */
    readonly milliseconds: number;
  }[];
}

/**
 * Clicks the first "Show more" button inside `container` until none is left, and
 * returns how many rows matching `rows` were rendered before and after each click.
 * Throws when a click adds no table row within 600 frames.
 */
export async function showAllHeaderRows(request: {
  readonly container: string;
  readonly rows: string;
}): Promise<HeaderRowSteps> {
  const scope = document.querySelector(request.container);
  if (scope === null) throw new Error(`Nothing matches ${request.container}.`);
  const initialRows = scope.querySelectorAll(request.rows).length;
  const steps: { rows: number; milliseconds: number }[] = [];
  for (;;) {
    const button = scope.querySelector<HTMLElement>(
      '[data-testid="show-more-headers"]',
    );
    if (button === null) return { initialRows, steps };
    const before = scope.querySelectorAll("tr").length;
    const start = performance.now();
    button.click();
    for (let frame = 0; scope.querySelectorAll("tr").length === before;) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      frame += 1;
      if (frame === 600) {
        throw new Error(
          `"Show more" added no row to ${request.container} within 600 frames.`,
        );
      }
    }
    // The frame after the one that rendered the rows has painted them.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    steps.push({
      rows: scope.querySelectorAll(request.rows).length,
      milliseconds: performance.now() - start,
    });
  }
}
