/**
 * Writes the README's screenshots of the detached CORS panel to docs/screenshots/:
 * the list and the detail of a blocked request, in the light and the dark scheme.
 * Starts the lab on free loopback ports and headless Chromium with dist/chrome-test,
 * which must be built first. Run with `npm run screenshots`.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { openLabSession, type LabSession } from "../e2e/support/lab-session";

const OUTPUT = resolve("docs/screenshots");

/** The lab scenarios shown: the classic failures, passing requests and warnings. */
const SCENARIOS = [
  "headers-only-on-preflight",
  "error-without-cors-headers",
  "wildcard-with-credentials",
  "authorization-not-allowed",
  "passing-put",
  "credentials-allowed",
  "allow-origin-echo-without-vary",
  "header-custom-not-allowed",
  "preflight-cache-max-age-600",
  "credentials-allow-credentials-missing",
];

/** The blocked request whose detail the detail screenshots show. */
const SELECTED_SCENARIO = "authorization-not-allowed";

/** Tall enough for the list, which gets 40% of the height, to show every row. */
const LIST_VIEWPORT = { width: 1280, height: 800 };
const LIST_MARGIN_PX = 12;
const DETAIL_VIEWPORT = { width: 1280, height: 900 };

async function reloadPanel(session: LabSession): Promise<void> {
  const panel = session.panel;
  await panel.reload();
  await panel
    .getByTestId("connection-status")
    .and(panel.locator('[data-state="connected"]'))
    .waitFor();
  for (const id of SCENARIOS) {
    await panel
      .locator(
        `[data-testid="exchange-row"][data-url="${session.scenarioUrl(id)}"]`,
      )
      // Some scenarios send their request twice, such as the preflight cache's.
      .first()
      .waitFor();
  }
  // Keeps hover styles out of the picture.
  await panel.mouse.move(0, 0);
}

async function takeScreenshots(
  session: LabSession,
  scheme: "light" | "dark",
): Promise<void> {
  const panel = session.panel;
  await panel.emulateMedia({ colorScheme: scheme });
  await panel.setViewportSize(LIST_VIEWPORT);
  await reloadPanel(session);
  // The list screenshot ends below the last row, without the empty detail pane.
  const lastRow = await panel.getByTestId("exchange-row").last().boundingBox();
  if (lastRow === null) throw new Error("The panel shows no exchange row.");
  const listPath = join(OUTPUT, `list-${scheme}.png`);
  await panel.screenshot({
    path: listPath,
    clip: {
      x: 0,
      y: 0,
      width: LIST_VIEWPORT.width,
      height: Math.ceil(lastRow.y + lastRow.height + LIST_MARGIN_PX),
    },
  });
  console.log(`Wrote ${listPath}`);

  await panel.setViewportSize(DETAIL_VIEWPORT);
  await panel
    .locator(
      `[data-testid="exchange-row"][data-url="${session.scenarioUrl(SELECTED_SCENARIO)}"]`,
    )
    .click();
  await panel.getByTestId("finding").first().waitFor();
  await panel.mouse.move(0, 0);
  const detailPath = join(OUTPUT, `detail-${scheme}.png`);
  await panel.screenshot({ path: detailPath });
  console.log(`Wrote ${detailPath}`);
}

const session = await openLabSession();
try {
  for (const id of SCENARIOS) {
    const outcome = await session.runScenario(id);
    if (outcome.id !== id) {
      throw new Error(`The lab ran ${outcome.id} instead of ${id}.`);
    }
  }
  mkdirSync(OUTPUT, { recursive: true });
  await takeScreenshots(session, "light");
  await takeScreenshots(session, "dark");
} finally {
  await session.close();
}
