import { afterAll, beforeAll, expect, it } from "vitest";
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

/**
 * Firefox suspends an idle event page after `extensions.background.idle.timeout`
 * milliseconds (30 s by default in Firefox 153). Open ports do not keep it running.
 */
const IDLE_TIMEOUT_MS = 1_000;

let session: FirefoxLabSession;

beforeAll(async () => {
  session = await openFirefoxLabSession({
    prefs: { "extensions.background.idle.timeout": IDLE_TIMEOUT_MS },
  });
});

afterAll(async () => {
  await session?.close();
});

/**
 * Sets a global in the running background page when `set` is true, and returns whether
 * the page has it: `marked`, `unmarked`, or `missing` when no background page runs.
 */
function markBackground(set: boolean): Promise<string> {
  return session.firefox.hook.evaluate(async (set: boolean) => {
    const page = (await chrome.runtime.getBackgroundPage()) as
      (Window & { beforeSuspend?: boolean }) | null;
    if (page === null) return "missing";
    if (set) page.beforeSuspend = true;
    return page.beforeSuspend === true ? "marked" : "unmarked";
  }, set);
}

it("keeps every exchange when the background page is suspended", async () => {
  const { panel } = session;
  const first = session.scenarioUrl("passing-put");
  const second = session.scenarioUrl("headers-only-on-preflight");

  await session.runScenario("passing-put");
  await waitForValue(() => countOf(panel, '[data-testid="exchange-row"]'), 1);

  expect(await markBackground(true)).toBe("marked");
  await new Promise((resolve) => setTimeout(resolve, IDLE_TIMEOUT_MS * 4));
  // A new background page has no marker: the old one was suspended.
  expect(await markBackground(false)).toBe("unmarked");

  await session.runScenario("headers-only-on-preflight");
  await waitForValue(() => countOf(panel, '[data-testid="exchange-row"]'), 2);
  await waitForValue(
    () => attributeOf(panel, rowSelector(first), "data-verdict"),
    "allowed",
  );
  await waitForValue(
    () => attributeOf(panel, rowSelector(second), "data-verdict"),
    "blocked",
  );
});
