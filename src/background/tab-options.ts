import {
  DEFAULT_CAPTURE_OPTIONS,
  captureOptionsFrom,
  type CaptureOptions,
  type CaptureOptionsChange,
} from "../messaging/capture-options";
import type { SessionArea } from "./session-area";

/** Prefix of the storage keys of each tab's capture options: `options:<tabId>`. */
export const TAB_OPTIONS_PREFIX = "options:";

function optionsKey(tabId: number): string {
  return `${TAB_OPTIONS_PREFIX}${tabId}`;
}

function isDefault(options: CaptureOptions): boolean {
  return (
    options.preserveLog === DEFAULT_CAPTURE_OPTIONS.preserveLog &&
    options.paused === DEFAULT_CAPTURE_OPTIONS.paused
  );
}

/**
 * The capture options of every tab, in memory and in session storage, so that a
 * restarted worker applies them to the events it receives before any panel reconnects.
 * Only tabs whose options differ from the default have a stored item.
 */
export class TabOptions {
  private readonly options = new Map<number, CaptureOptions>();

  constructor(private readonly area: SessionArea) {}

  /** Takes the options a previous worker stored, from the items of the whole area. */
  restore(items: Readonly<Record<string, unknown>>): void {
    for (const [key, value] of Object.entries(items)) {
      if (!key.startsWith(TAB_OPTIONS_PREFIX)) continue;
      const tabId = Number(key.slice(TAB_OPTIONS_PREFIX.length));
      if (!Number.isInteger(tabId)) continue;
      const options = captureOptionsFrom(value);
      if (!isDefault(options)) this.options.set(tabId, options);
    }
  }

  of(tabId: number): CaptureOptions {
    return this.options.get(tabId) ?? DEFAULT_CAPTURE_OPTIONS;
  }

  /** Applies the change, stores the result and resolves with it once it is stored. */
  async update(
    tabId: number,
    change: CaptureOptionsChange,
  ): Promise<CaptureOptions> {
    const current = this.of(tabId);
    const next: CaptureOptions = {
      preserveLog: change.preserveLog ?? current.preserveLog,
      paused: change.paused ?? current.paused,
    };
    if (isDefault(next)) {
      this.options.delete(tabId);
      await this.area.remove(optionsKey(tabId));
    } else {
      this.options.set(tabId, next);
      await this.area.set({ [optionsKey(tabId)]: next });
    }
    return next;
  }

  /** Forgets a closed tab's options. */
  async forget(tabId: number): Promise<void> {
    if (!this.options.delete(tabId)) return;
    await this.area.remove(optionsKey(tabId));
  }
}
