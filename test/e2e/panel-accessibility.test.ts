import { readFileSync } from "node:fs";
import type { AxeResults, Result } from "axe-core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PANEL_PATH } from "./support/detached-panel";
import { openLabSession, type LabSession } from "./support/lab-session";

const AXE_SOURCE = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

/** Exchanges the panel shows during the audit: blocked ones and one that passes. */
const SCENARIOS = [
  "headers-only-on-preflight",
  "wildcard-with-credentials",
  "authorization-not-allowed",
  "passing-put",
];
const FAILING_SCENARIO = "authorization-not-allowed";

/** Background of the page in each scheme, from theme.css's Chromium palette. */
const BODY_BACKGROUND = {
  light: "rgb(255, 255, 255)",
  dark: "rgb(40, 40, 40)",
} as const;

/** Upper bound on the focus stops the focus test walks through. */
const MAX_TAB_PRESSES = 200;

let session: LabSession;
let panel: Page;

/**
 * Opens an extension page on which axe can run. The extension's CSP (script-src
 * 'self') rejects the inline script that addScriptTag adds, so the page is loaded
 * with CSP bypassed through the DevTools protocol, for this page only.
 */
async function openAuditablePage(path: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  const cdp = await session.browser.context.newCDPSession(page);
  await cdp.send("Page.setBypassCSP", { enabled: true });
  await page.goto(`chrome-extension://${session.browser.extensionId}/${path}`);
  return page;
}

/** Runs axe on the whole page and returns its serious and critical violations. */
async function seriousViolations(page: Page): Promise<Result[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run(context: Document): Promise<AxeResults> };
      }
    ).axe.run(document),
  );
  return results.violations.filter(
    (violation) =>
      violation.impact === "serious" || violation.impact === "critical",
  );
}

/** Formats violations as one block per rule, with each failing element. */
function report(violations: readonly Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map(
        (node) =>
          `  ${node.target.join(" ")}\n    ${node.html}\n    ${(node.failureSummary ?? "").replaceAll("\n", "\n    ")}`,
      );
      return `${violation.impact ?? "unknown"}: ${violation.id}: ${violation.help}\n${nodes.join("\n")}`;
    })
    .join("\n");
}

function expectNoSeriousViolations(violations: readonly Result[]): void {
  if (violations.length > 0) console.error(report(violations));
  expect(report(violations)).toBe("");
}

function row(url: string) {
  return panel.locator(`[data-testid="exchange-row"][data-url="${url}"]`);
}

beforeAll(async () => {
  session = await openLabSession();
  for (const id of SCENARIOS) await session.runScenario(id);
  panel = await openAuditablePage(`${PANEL_PATH}?tabId=${session.tabId}`);
  for (const id of SCENARIOS) {
    await row(session.scenarioUrl(id)).waitFor();
  }
});

afterAll(async () => {
  await session?.close();
});

describe.each(["light", "dark"] as const)("detached panel, %s", (scheme) => {
  beforeAll(async () => {
    await panel.emulateMedia({ colorScheme: scheme });
  });

  it("takes the scheme's colors", async () => {
    const background = await panel.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    );
    expect(background).toBe(BODY_BACKGROUND[scheme]);
  });

  it("has no serious violation with a failing exchange selected", async () => {
    await row(session.scenarioUrl(FAILING_SCENARIO)).click();
    await panel.getByTestId("exchange-detail").waitFor();
    await panel.getByTestId("finding").first().waitFor();
    expectNoSeriousViolations(await seriousViolations(panel));
  });
});

describe("focus ring", () => {
  it("shows on every control reached with Tab", async () => {
    await panel.emulateMedia({ colorScheme: "light" });
    const focusColor = await panel.evaluate(() => {
      // Resolves the theme variable to the color the outline computes to.
      const probe = document.createElement("span");
      probe.style.color = "var(--focus)";
      document.body.append(probe);
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    });
    await panel.locator("body").click({ position: { x: 1, y: 1 } });
    const visited: string[] = [];
    for (let press = 0; press < MAX_TAB_PRESSES; press += 1) {
      await panel.keyboard.press("Tab");
      const focused = await panel.evaluate(() => {
        const element = document.activeElement;
        if (element === null || element === document.body) return null;
        // Tab has gone round the page once it reaches an element a second time.
        const audit = window as unknown as { focusAudit?: WeakSet<Element> };
        audit.focusAudit ??= new WeakSet();
        if (audit.focusAudit.has(element)) return null;
        audit.focusAudit.add(element);
        const style = getComputedStyle(element);
        return {
          description: `${element.tagName.toLowerCase()} ${element.getAttribute("data-testid") ?? ""} ${(element.textContent ?? "").slice(0, 40)}`,
          focusVisible: element.matches(":focus-visible"),
          outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
          background: style.backgroundColor,
        };
      });
      if (focused === null) break;
      visited.push(focused.description);
      expect(focused.focusVisible, focused.description).toBe(true);
      // A control too thin for a ring, such as a column resizer, fills itself
      // with the focus color instead.
      const indicator =
        focused.background === focusColor
          ? "focus-colored fill"
          : focused.outline;
      expect(
        [`solid 2px ${focusColor}`, "focus-colored fill"],
        focused.description,
      ).toContain(indicator);
    }
    expect(visited.some((text) => text.startsWith("tr exchange-row"))).toBe(
      true,
    );
  });
});

describe("tab picker", () => {
  it.each(["light", "dark"] as const)(
    "has no serious violation in %s",
    async (scheme) => {
      const picker = await openAuditablePage(PANEL_PATH);
      await picker.emulateMedia({ colorScheme: scheme });
      await picker.getByTestId("tab-choice").first().waitFor();
      expectNoSeriousViolations(await seriousViolations(picker));
      await picker.close();
    },
  );
});
