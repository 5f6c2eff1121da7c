import type { CDPSession, Page } from "playwright-core";
import type { ChromiumWithExtension } from "./chromium-with-extension";

const WORKER_WAIT_MS = 15_000;

/**
 * Stops the extension's service worker through the DevTools protocol, as Chromium does
 * when the worker is idle, and counts the stops. One DevTools session serves every stop.
 */
export class ServiceWorkerStopper {
  stops = 0;

  private constructor(
    private readonly session: CDPSession,
    private readonly extensionId: string,
  ) {}

  static async attach(
    browser: ChromiumWithExtension,
    anyPage: Page,
  ): Promise<ServiceWorkerStopper> {
    const session = await browser.context.newCDPSession(anyPage);
    return new ServiceWorkerStopper(session, browser.extensionId);
  }

  /** Returns the DevTools target id of the running worker, or null when none runs. */
  async runningWorker(): Promise<string | null> {
    const { targetInfos } = await this.session.send("Target.getTargets");
    const target = targetInfos.find(
      (info) =>
        info.type === "service_worker" &&
        info.url.startsWith(`chrome-extension://${this.extensionId}/`),
    );
    return target?.targetId ?? null;
  }

  /**
   * Waits until a worker runs (the next webRequest event or port starts one), stops it,
   * and waits until it has stopped. Throws when either takes more than 15 s.
   */
  async stopNextWorker(): Promise<void> {
    const deadline = Date.now() + WORKER_WAIT_MS;
    for (;;) {
      const targetId = await this.runningWorker();
      if (targetId !== null) {
        const { success } = await this.session.send("Target.closeTarget", {
          targetId,
        });
        if (success) {
          await this.waitUntilStopped(deadline);
          this.stops += 1;
          return;
        }
      }
      if (Date.now() > deadline) {
        throw new Error(
          `No service worker of the extension ran within ${WORKER_WAIT_MS} ms after stop ${this.stops}.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * Waits until no worker runs. While no request gets a response, nothing wakes the
   * worker for at least 100 ms after a stop, because the panel waits that long before
   * it reconnects.
   */
  private async waitUntilStopped(deadline: number): Promise<void> {
    while ((await this.runningWorker()) !== null) {
      if (Date.now() > deadline) {
        throw new Error(
          `The service worker did not stop within ${WORKER_WAIT_MS} ms.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  detach(): Promise<void> {
    return this.session.detach();
  }
}
