import type { BrowserContext, CDPSession, Page } from "playwright-core";

/**
 * Reaches into the DevTools window that `--auto-open-devtools-for-tabs` opens for a
 * tab. Playwright lists neither that window nor the extension frames inside it as
 * pages. The DevTools protocol does: `Target.getTargets` on any page's session
 * returns the DevTools frontend as a `page` target with a `devtools://devtools/` URL.
 * Each extension frame in it is an `iframe` target whose `parentId` is the frontend.
 * Playwright's CDPSession cannot address a child session, so every target is attached
 * with `flatten: false` and driven through `Target.sendMessageToTarget` and
 * `Target.receivedMessageFromTarget`.
 */

/** Frames of one tab's DevTools window that belong to the extension. */
export interface DevtoolsExtensionFrames {
  /** The tab id the devtools page reads from `chrome.devtools.inspectedWindow.tabId`. */
  readonly inspectedTabId: number;
  /**
   * Evaluates an expression (a string of JS, awaited if it is a promise) in the
   * extension's devtools page and returns its JSON value.
   */
  evaluateInDevtoolsPage<T>(expression: string): Promise<T>;
  /**
   * Makes the extension panel titled `title` the shown DevTools panel, as a user
   * bringing the window to the front and clicking the panel's tab. Waits until the
   * panel's frame has loaded and is visible, and returns an evaluator for it.
   */
  showPanel(title: string): Promise<FrameEvaluator>;
  /**
   * Shows one of DevTools' own panels by id (`network`, `console`, ...), which hides the
   * extension's panel as a user switching panels does.
   */
  showBuiltInPanel(panelId: string): Promise<void>;
  /** Detaches from every target. The DevTools window itself stays open. */
  close(): Promise<void>;
}

/** Evaluates expressions in one frame, like `evaluateInDevtoolsPage`. */
export interface FrameEvaluator {
  evaluate<T>(expression: string): Promise<T>;
}

export interface DevtoolsWindowOptions {
  /** How long to wait for the DevTools window, a frame or a panel tab, in ms. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const POLL_INTERVAL_MS = 100;
const FRONTEND_URL_PREFIX = "devtools://devtools/";

/**
 * Finds the DevTools window inspecting `page` and the devtools page that the extension
 * `extensionId` runs in it, and waits until that page has loaded. Throws, naming what
 * it looked for and the targets it saw, when either is missing after the timeout.
 */
export async function devtoolsExtensionFrames(
  context: BrowserContext,
  page: Page,
  extensionId: string,
  options: DevtoolsWindowOptions = {},
): Promise<DevtoolsExtensionFrames> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const session = await context.newCDPSession(page);
  const relay = new TargetRelay(session);
  try {
    const { targetInfo } = await session.send("Target.getTargetInfo");
    const frontendId = await findFrontend(
      relay,
      targetInfo.targetId,
      page.url(),
      timeoutMs,
    );
    const extensionOrigin = `chrome-extension://${extensionId}`;
    const devtoolsPageId = await findDevtoolsPage(
      relay,
      frontendId,
      extensionOrigin,
      timeoutMs,
    );
    const inspectedTabId = await relay.evaluate<number>(
      devtoolsPageId,
      "chrome.devtools.inspectedWindow.tabId",
    );
    return {
      inspectedTabId,
      evaluateInDevtoolsPage: (expression) =>
        relay.evaluate(devtoolsPageId, expression),
      showPanel: async (title) => {
        const panelFrameId = await showExtensionPanel(
          relay,
          frontendId,
          extensionOrigin,
          title,
          timeoutMs,
        );
        return {
          evaluate: (expression) => relay.evaluate(panelFrameId, expression),
        };
      },
      showBuiltInPanel: async (panelId) => {
        await relay.evaluate<null>(
          frontendId,
          `(async () => {
            const UI = await import("./ui/legacy/legacy.js");
            const tabbedPane = UI.InspectorView.InspectorView.instance().tabbedPane;
            tabbedPane.selectTab(${JSON.stringify(panelId)}, true);
            if (tabbedPane.selectedTabId !== ${JSON.stringify(panelId)}) {
              throw new Error("DevTools shows panel " + tabbedPane.selectedTabId + " instead of ${panelId}.");
            }
            return null;
          })()`,
        );
      },
      close: () => relay.close(),
    };
  } catch (error) {
    await relay.close();
    throw error;
  }
}

/** Returns the target id of the DevTools frontend whose primary page is `pageTargetId`. */
async function findFrontend(
  relay: TargetRelay,
  pageTargetId: string,
  pageUrl: string,
  timeoutMs: number,
): Promise<string> {
  const inspectedByFrontend = new Map<string, string>();
  let lastError = "";
  return waitFor(
    async () => {
      const frontends = (await relay.targets()).filter(
        (target) =>
          target.type === "page" && target.url.startsWith(FRONTEND_URL_PREFIX),
      );
      for (const frontend of frontends) {
        if (!inspectedByFrontend.has(frontend.targetId)) {
          const inspected = await relay.tryEvaluate<string | null>(
            frontend.targetId,
            INSPECTED_TARGET_ID,
          );
          if ("error" in inspected) lastError = inspected.error.message;
          else if (inspected.value !== null) {
            inspectedByFrontend.set(frontend.targetId, inspected.value);
          }
        }
        if (inspectedByFrontend.get(frontend.targetId) === pageTargetId) {
          return frontend.targetId;
        }
      }
      return undefined;
    },
    timeoutMs,
    () => {
      const seen = [...inspectedByFrontend]
        .map(([frontend, inspected]) => `${frontend} inspects ${inspected}`)
        .join("; ");
      return (
        `No DevTools window inspects ${pageUrl} (target ${pageTargetId}). ` +
        `Was Chromium started with --auto-open-devtools-for-tabs? ` +
        `DevTools windows seen: ${seen || "none"}.` +
        describeLastError(lastError)
      );
    },
  );
}

/**
 * Reads the CDP target id of the page the frontend inspects. DevTools in Chromium 156
 * attaches to the tab (`targetType=tab` in its URL), and
 * TargetManager.primaryPageTarget() returns the tab's `frame` child, whose id() is the
 * page's CDP target id. The module URL is relative to
 * devtools://devtools/bundled/devtools_app.html, so the import returns the module
 * instance the frontend already uses.
 */
const INSPECTED_TARGET_ID = `(async () => {
  const SDK = await import("./core/sdk/sdk.js");
  const target = SDK.TargetManager.TargetManager.instance().primaryPageTarget();
  return target ? target.id() : null;
})()`;

/**
 * Returns the target id of the extension's devtools page in the frontend, once its
 * document has loaded. The manifest's `devtools_page` distinguishes it from the
 * extension's panel frames.
 */
async function findDevtoolsPage(
  relay: TargetRelay,
  frontendId: string,
  extensionOrigin: string,
  timeoutMs: number,
): Promise<string> {
  let seen: TargetInfo[] = [];
  let lastError = "";
  return waitFor(
    async () => {
      seen = (await relay.targets()).filter(
        (target) => target.parentId === frontendId,
      );
      for (const frame of seen) {
        if (!frame.url.startsWith(`${extensionOrigin}/`)) continue;
        const loaded = await relay.tryEvaluate<boolean>(
          frame.targetId,
          IS_LOADED_DEVTOOLS_PAGE,
        );
        if ("error" in loaded) lastError = loaded.error.message;
        else if (loaded.value) return frame.targetId;
      }
      return undefined;
    },
    timeoutMs,
    () =>
      `No loaded devtools page of ${extensionOrigin} in DevTools window ` +
      `${frontendId}. Frames seen: ${describeTargets(seen)}.` +
      describeLastError(lastError),
  );
}

const IS_LOADED_DEVTOOLS_PAGE = `(() => {
  const devtoolsPage = chrome.runtime.getManifest().devtools_page;
  return typeof devtoolsPage === "string" &&
    new URL(devtoolsPage, location.origin).pathname === location.pathname &&
    document.readyState === "complete";
})()`;

/**
 * Shows the extension panel titled `title` and returns the target id of its frame once
 * its document has loaded and is visible.
 */
async function showExtensionPanel(
  relay: TargetRelay,
  frontendId: string,
  extensionOrigin: string,
  title: string,
  timeoutMs: number,
): Promise<string> {
  // The panel's tab appears only after the devtools page's panels.create() call
  // reaches the frontend.
  let tabs: PanelTab[] = [];
  const panelId = await waitFor(
    async () => {
      tabs = await relay.evaluate<PanelTab[]>(frontendId, PANEL_TABS);
      return tabs.find(
        (tab) => tab.title === title && tab.id.startsWith(extensionOrigin),
      )?.id;
    },
    timeoutMs,
    () =>
      `No DevTools panel titled "${title}" from ${extensionOrigin}. ` +
      `Panels seen (id: title): ${tabs.map((tab) => `${tab.id}: ${tab.title}`).join(", ") || "none"}.`,
  );

  // Each tab's DevTools window is a window of its own, and in headless Chromium 156
  // only the last activated one is visible: in the others, the panel's frame has
  // document.visibilityState "hidden", a 0x0 viewport and no animation frames.
  await relay.activate(frontendId);
  const panelUrl = await relay.evaluate<string | null>(
    frontendId,
    showPanelExpression(panelId),
  );
  if (panelUrl === null) {
    throw new Error(
      `DevTools showed panel ${panelId}, but the panel contains no iframe.`,
    );
  }

  let seen: TargetInfo[] = [];
  let frameState = "not found";
  let lastError = "";
  return waitFor(
    async () => {
      seen = (await relay.targets()).filter(
        (target) => target.parentId === frontendId,
      );
      const frame = seen.find(
        (target) => target.type === "iframe" && target.url === panelUrl,
      );
      if (frame === undefined) return undefined;
      const state = await relay.tryEvaluate<string>(
        frame.targetId,
        FRAME_STATE,
      );
      if ("error" in state) lastError = state.error.message;
      else frameState = state.value;
      return frameState === SHOWN_FRAME_STATE ? frame.targetId : undefined;
    },
    timeoutMs,
    () =>
      `The frame of panel "${title}" (${panelUrl}) in DevTools window ` +
      `${frontendId} is not loaded and visible: it is ${frameState}. ` +
      `Frames seen: ${describeTargets(seen)}.` +
      describeLastError(lastError),
  );
}

const FRAME_STATE = "document.readyState + ' and ' + document.visibilityState";
const SHOWN_FRAME_STATE = "complete and visible";

interface PanelTab {
  readonly id: string;
  readonly title: string;
}

/**
 * Lists the tabs of the main DevTools tab strip. DevTools names an extension panel's
 * tab `<extension origin><title without whitespace>` (ExtensionServer in the DevTools
 * frontend, `chrome-extension://<id>CORS` in Chromium 156) and titles it as given.
 */
const PANEL_TABS = `(async () => {
  const UI = await import("./ui/legacy/legacy.js");
  const tabbedPane = UI.InspectorView.InspectorView.instance().tabbedPane;
  return tabbedPane.tabs.map((tab) => ({ id: tab.id, title: tab.title }));
})()`;

/**
 * Selects the panel's tab with the call DevTools 156 makes on a mouse down on the tab,
 * TabbedPane.selectTab(id, true). Returns the URL of the iframe that the panel
 * contains, or null.
 */
function showPanelExpression(panelId: string): string {
  return `(async () => {
    const UI = await import("./ui/legacy/legacy.js");
    const inspectorView = UI.InspectorView.InspectorView.instance();
    inspectorView.tabbedPane.selectTab(${JSON.stringify(panelId)}, true);
    const selected = inspectorView.tabbedPane.selectedTabId;
    if (selected !== ${JSON.stringify(panelId)}) {
      throw new Error("DevTools shows panel " + selected + " instead.");
    }
    const panel = await inspectorView.panel(${JSON.stringify(panelId)});
    const iframe = panel.element.querySelector("iframe");
    return iframe ? iframe.src : null;
  })()`;
}

/** The fields of a CDP `Target.TargetInfo` that these lookups read. */
interface TargetInfo {
  readonly targetId: string;
  readonly type: string;
  readonly url: string;
  readonly parentId?: string;
}

function describeTargets(targets: readonly TargetInfo[]): string {
  if (targets.length === 0) return "none";
  return targets.map((target) => `${target.type} ${target.url}`).join(", ");
}

function describeLastError(message: string): string {
  return message === "" ? "" : ` Last evaluation error: ${message}`;
}

/**
 * Calls `probe` until it returns a value, then returns it. Throws the message from
 * `describeFailure` when `timeoutMs` passes first.
 */
async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  describeFailure: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) {
      throw new Error(`${describeFailure()} Waited ${timeoutMs} ms.`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

interface PendingCall {
  readonly sessionId: string;
  readonly method: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/**
 * Sends protocol commands to targets through one Playwright CDPSession, each target
 * attached once with `flatten: false`.
 */
class TargetRelay {
  private nextCallId = 1;
  private readonly pending = new Map<number, PendingCall>();
  private readonly sessionByTarget = new Map<string, Promise<string>>();
  private readonly targetBySession = new Map<string, string>();

  constructor(private readonly session: CDPSession) {
    session.on("Target.receivedMessageFromTarget", (event) =>
      this.receive(event.message),
    );
    session.on("Target.detachedFromTarget", (event) =>
      this.dropSession(event.sessionId),
    );
  }

  /** Brings the target's window to the front, as a user focusing it. */
  async activate(targetId: string): Promise<void> {
    await this.session.send("Target.activateTarget", { targetId });
  }

  async targets(): Promise<TargetInfo[]> {
    const { targetInfos } = await this.session.send("Target.getTargets");
    return targetInfos;
  }

  /**
   * Evaluates `expression` in the target's main world, awaiting a promise, and returns
   * its JSON value. Throws when the expression throws or the target goes away.
   */
  async evaluate<T>(targetId: string, expression: string): Promise<T> {
    const response = await this.call(targetId, "Runtime.evaluate", {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (!isEvaluateResponse(response)) {
      throw new Error(
        `Runtime.evaluate in target ${targetId} returned an unexpected response: ${JSON.stringify(response)}`,
      );
    }
    if (response.exceptionDetails !== undefined) {
      const { exception, text } = response.exceptionDetails;
      throw new Error(
        `Evaluation in target ${targetId} threw: ${exception?.description ?? text}`,
      );
    }
    return response.result.value as T;
  }

  /**
   * Like `evaluate`, but returns the error instead of throwing it, for probing targets
   * that may still be loading or already gone.
   */
  async tryEvaluate<T>(
    targetId: string,
    expression: string,
  ): Promise<Evaluation<T>> {
    try {
      return { value: await this.evaluate<T>(targetId, expression) };
    } catch (error) {
      if (error instanceof Error) return { error };
      throw error;
    }
  }

  async close(): Promise<void> {
    for (const sessionId of [...this.targetBySession.keys()]) {
      this.dropSession(sessionId);
      await this.session
        .send("Target.detachFromTarget", { sessionId })
        .catch((error: unknown) => {
          // The target may have closed, and its session with it.
          console.warn(`Detaching target session ${sessionId} failed:`, error);
        });
    }
    await this.session.detach();
  }

  private async call(
    targetId: string,
    method: string,
    params: object,
  ): Promise<unknown> {
    const sessionId = await this.attach(targetId);
    const id = this.nextCallId++;
    const result = new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { sessionId, method, resolve, reject });
    });
    try {
      await this.session.send("Target.sendMessageToTarget", {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    } catch (error) {
      this.pending.delete(id);
      throw error;
    }
    return result;
  }

  private attach(targetId: string): Promise<string> {
    let sessionId = this.sessionByTarget.get(targetId);
    if (sessionId === undefined) {
      sessionId = this.session
        .send("Target.attachToTarget", { targetId, flatten: false })
        .then(
          ({ sessionId: attached }) => {
            this.targetBySession.set(attached, targetId);
            return attached;
          },
          (error: unknown) => {
            // Forget the failure, so that a later call attaches again.
            this.sessionByTarget.delete(targetId);
            throw error;
          },
        );
      this.sessionByTarget.set(targetId, sessionId);
    }
    return sessionId;
  }

  private receive(message: string): void {
    const parsed: unknown = JSON.parse(message);
    if (!isCallResponse(parsed)) return; // An event, which no caller waits for.
    const call = this.pending.get(parsed.id);
    if (call === undefined) return;
    this.pending.delete(parsed.id);
    if (parsed.error !== undefined) {
      call.reject(new Error(`${call.method} failed: ${parsed.error.message}`));
    } else {
      call.resolve(parsed.result);
    }
  }

  private dropSession(sessionId: string): void {
    const targetId = this.targetBySession.get(sessionId);
    if (targetId !== undefined) this.sessionByTarget.delete(targetId);
    this.targetBySession.delete(sessionId);
    for (const [id, call] of this.pending) {
      if (call.sessionId !== sessionId) continue;
      this.pending.delete(id);
      call.reject(
        new Error(`${call.method} failed: target session ${sessionId} closed.`),
      );
    }
  }
}

type Evaluation<T> = { readonly value: T } | { readonly error: Error };

interface CallResponse {
  readonly id: number;
  readonly result?: unknown;
  readonly error?: { readonly message: string };
}

function isCallResponse(value: unknown): value is CallResponse {
  return (
    typeof value === "object" &&
    value !== null &&
    "id" in value &&
    typeof value.id === "number"
  );
}

interface EvaluateResponse {
  readonly result: { readonly value?: unknown };
  readonly exceptionDetails?: {
    readonly text: string;
    readonly exception?: { readonly description?: string };
  };
}

function isEvaluateResponse(value: unknown): value is EvaluateResponse {
  return (
    typeof value === "object" &&
    value !== null &&
    "result" in value &&
    typeof value.result === "object" &&
    value.result !== null
  );
}
