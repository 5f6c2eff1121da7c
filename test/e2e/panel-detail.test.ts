import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLabSession, type LabSession } from "./support/lab-session";

/** Blocked at the preflight: it sends Authorization, which is not allowed. */
const HEADER_NOT_ALLOWED = "authorization-not-allowed";
/** Blocked on the actual response: `*` with the lab's cookie. */
const WILDCARD_WITH_COOKIE = "wildcard-with-credentials";

const MDN_ERRORS =
  "https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors";

let session: LabSession;
let panel: Page;

function row(id: string): Locator {
  return panel.locator(
    `[data-testid="exchange-row"][data-url="${session.scenarioUrl(id)}"]`,
  );
}

function detail(): Locator {
  return panel.getByTestId("exchange-detail");
}

function column(response: "preflight" | "actual"): Locator {
  return detail().locator(
    `[data-testid="request-column"][data-response="${response}"]`,
  );
}

/** Returns the live status next to the copy button with this test id. */
function copyStatus(button: Locator): Locator {
  return button.locator("xpath=..").getByTestId("copy-status");
}

function readClipboard(): Promise<string> {
  return panel.evaluate(() => navigator.clipboard.readText());
}

/** Clicks a copy button and returns the text it put on the clipboard. */
async function copyWith(button: Locator): Promise<string> {
  await panel.evaluate(() => navigator.clipboard.writeText(""));
  await button.click();
  await expect.poll(readClipboard).not.toBe("");
  return readClipboard();
}

async function select(id: string): Promise<void> {
  await row(id).click();
  await detail()
    .locator(`[data-testid="request-column"][data-response="actual"]`)
    .getByText(session.scenarioUrl(id), { exact: true })
    .first()
    .waitFor();
}

beforeAll(async () => {
  session = await openLabSession();
  panel = session.panel;
  // Chromium rejects an extension origin here ("opaque origin"), so the
  // permissions go to every origin of this test profile.
  await session.browser.context.grantPermissions([
    "clipboard-read",
    "clipboard-write",
  ]);
  for (const id of [HEADER_NOT_ALLOWED, WILDCARD_WITH_COOKIE]) {
    const outcome = await session.runScenario(id);
    expect(outcome.ok).toBe(false);
  }
  for (const id of [HEADER_NOT_ALLOWED, WILDCARD_WITH_COOKIE]) {
    // The panel lists a record once the background stored it.
    await row(id).and(panel.locator('[data-verdict="blocked"]')).waitFor();
  }
  await panel.bringToFront();
});

afterAll(async () => {
  await session?.close();
});

describe("detail of an exchange blocked at the preflight", () => {
  beforeAll(async () => {
    await select(HEADER_NOT_ALLOWED);
  });

  it("states the verdict in one sentence", async () => {
    const banner = detail().getByTestId("verdict-banner");

    expect((await banner.textContent())?.trim()).toBe(
      "Blocked in Chromium and Firefox: Request header not allowed by the preflight response.",
    );
  });

  it("shows the preflight and the actual request side by side", async () => {
    const preflightBox = await column("preflight").boundingBox();
    const actualBox = await column("actual").boundingBox();

    expect(preflightBox).not.toBeNull();
    expect(actualBox).not.toBeNull();
    expect(actualBox?.x ?? 0).toBeGreaterThan(
      (preflightBox?.x ?? 0) + (preflightBox?.width ?? 0) - 1,
    );
    expect(actualBox?.y).toBe(preflightBox?.y);
    const requestLine = column("preflight").locator(".request-line");
    expect(await requestLine.textContent()).toBe(
      `OPTIONS ${session.scenarioUrl(HEADER_NOT_ALLOWED)}`,
    );
    expect(
      await column("preflight").locator(".status-line").textContent(),
    ).toContain("204");
  });

  it("lists CORS headers first in each preflight table", async () => {
    const tables = column("preflight").locator("table.header-table");
    expect(await tables.count()).toBe(2);
    for (const table of await tables.all()) {
      const firstName = await table.locator("th").first().textContent();
      expect(firstName?.toLowerCase()).toMatch(/^(origin|access-control-)/);
    }
  });

  it("highlights the header at fault with the value that passes", async () => {
    const atFault = column("preflight").locator(
      '[data-testid="header-at-fault"][data-header="access-control-allow-headers"][data-response="preflight"]',
    );

    await atFault.waitFor();
    expect(await atFault.getByTestId("expected-value").textContent()).toBe(
      "Content-Type, authorization",
    );
  });

  it("compares what was requested with what was allowed", async () => {
    const table = detail().getByTestId("requested-vs-allowed");
    const outcome = (check: string, response: string) =>
      table
        .locator(
          `[data-testid="rva-row"][data-check="${check}"][data-response="${response}"]`,
        )
        .getAttribute("data-outcome");

    expect(await outcome("origin", "preflight")).toBe("pass");
    expect(await outcome("method", "preflight")).toBe("pass");
    expect(await outcome("headers", "preflight")).toBe("fail");
    expect(await outcome("credentials", "preflight")).toBe("not-applicable");
    expect(await outcome("origin", "actual")).toBe("not-applicable");
    expect(await outcome("exposed-headers", "actual")).toBe("not-applicable");
    const headers = table.locator(
      '[data-testid="rva-row"][data-check="headers"]',
    );
    const text = await headers.textContent();
    expect(text).toContain("authorization");
    expect(text).toContain("Content-Type");
    expect(text).toContain("fail");
  });

  it("names the error in each browser and links MDN", async () => {
    const finding = detail().locator(
      '[data-testid="finding"][data-rule="header-not-allowed"]',
    );
    const link = finding.getByTestId("finding-mdn-link");

    expect(await link.getAttribute("href")).toBe(
      `${MDN_ERRORS}/CORSMissingAllowHeaderFromPreflight`,
    );
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
    const chromium = await finding.getByTestId("chromium-report").textContent();
    expect(chromium).toContain("HeaderDisallowedByPreflightResponse");
    expect(chromium).toContain("the request header authorization");
    const firefox = await finding.getByTestId("firefox-report").textContent();
    expect(firefox).toContain("CORSMissingAllowHeaderFromPreflight");
  });

  it("copies the preflight as a curl command that replays it", async () => {
    const button = detail().getByTestId("copy-curl-preflight");

    const command = await copyWith(button);

    await expect.poll(() => copyStatus(button).textContent()).toBe("Copied");
    const url = session.scenarioUrl(HEADER_NOT_ALLOWED);
    expect(command.startsWith("curl --include -X OPTIONS \\\n")).toBe(true);
    expect(command).toContain(`-H 'Origin: ${session.lab.pageOrigin}'`);
    expect(command).toContain("-H 'Access-Control-Request-Method: GET'");
    expect(command).toContain(
      "-H 'Access-Control-Request-Headers: authorization'",
    );
    expect(command.endsWith(`--url '${url}'`)).toBe(true);

    // The lab listens on 127.0.0.1 in this process, so the command runs
    // asynchronously against it, as copied, with no proxy settings.
    const replay = await promisify(execFile)("sh", ["-c", command], {
      encoding: "utf8",
      timeout: 10_000,
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
    });
    expect(replay.stdout).toMatch(/^HTTP\/1\.1 204/);
    expect(replay.stdout).toMatch(
      /^access-control-allow-headers: Content-Type\r$/im,
    );
  });

  it("copies the actual request and notes uncaptured headers", async () => {
    const command = await copyWith(detail().getByTestId("copy-curl-actual"));

    expect(command.startsWith("curl --include -X GET \\\n")).toBe(true);
    expect(command).toContain(`-H 'Origin: ${session.lab.pageOrigin}'`);
    expect(command).not.toContain("Bearer");
    expect(
      await column("actual").getByTestId("curl-uncaptured").textContent(),
    ).toContain("authorization");
  });

  it("copies the fix as the header line that passes", async () => {
    const finding = detail().locator(
      '[data-testid="finding"][data-rule="header-not-allowed"]',
    );

    const fix = await copyWith(finding.getByTestId("copy-fix"));

    expect(fix).toBe(
      "Access-Control-Allow-Headers: Content-Type, authorization",
    );
  });
});

describe("detail of an exchange that sends a cookie", () => {
  beforeAll(async () => {
    await select(WILDCARD_WITH_COOKIE);
  });

  it("fails the origin row and has no preflight to copy", async () => {
    const origin = detail().locator(
      '[data-testid="rva-row"][data-check="origin"][data-response="actual"]',
    );

    expect(await origin.getAttribute("data-outcome")).toBe("fail");
    expect(await detail().getByTestId("copy-curl-preflight").count()).toBe(0);
  });

  it("redacts the cookie in the copied command unless turned off", async () => {
    const button = detail().getByTestId("copy-curl-actual");

    const redacted = await copyWith(button);
    await panel.getByTestId("redact-secrets").uncheck();
    const plain = await copyWith(button);
    await panel.getByTestId("redact-secrets").check();

    expect(redacted).toContain("-H 'Cookie: lab_session=[redacted]'");
    expect(redacted).not.toContain("lab_session=demo");
    expect(plain).toContain("-H 'Cookie: lab_session=demo'");
  });

  it("shows the text when the clipboard is denied", async () => {
    await panel.evaluate(() => {
      const deny = () =>
        Promise.reject(new DOMException("Write denied", "NotAllowedError"));
      Object.defineProperty(navigator.clipboard, "writeText", {
        value: deny,
      });
      document.execCommand = () => false;
    });
    const finding = detail().locator('[data-testid="finding"]').first();
    const button = finding.getByTestId("copy-fix");

    await button.click();

    const status = copyStatus(button);
    await expect.poll(() => status.getAttribute("data-state")).toBe("denied");
    expect(await status.textContent()).toContain(
      "The browser denied access to the clipboard (NotAllowedError: Write denied).",
    );
    expect(await finding.getByTestId("manual-copy").inputValue()).toBe(
      `Access-Control-Allow-Origin: ${session.lab.pageOrigin}`,
    );
  });
});
