import type { CaptureAreas } from "../../../src/background/capture-controller";
import type { SessionArea } from "../../../src/background/session-area";

/** The message Chromium 156 rejects `storage.session.set` with when the area is full. */
export const QUOTA_MESSAGE =
  "Session storage quota bytes exceeded. Values were not stored.";

/**
 * In-memory stand-in for `storage.session` that copies values as the real one does.
 * With `quotaChars`, a `set` that would make the stored JSON longer than that rejects
 * with Chromium's quota error and stores nothing, as Chromium does.
 */
export class FakeSessionArea implements SessionArea {
  readonly items = new Map<string, unknown>();
  writes = 0;
  quotaErrors = 0;
  /** Characters each stored item counts against the quota, and their sum. */
  private readonly sizes = new Map<string, number>();
  private storedChars = 0;

  constructor(private readonly quotaChars = Number.POSITIVE_INFINITY) {}

  async get(keys: null | string | string[]): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.items.keys()] : [keys].flat();
    const result: Record<string, unknown> = {};
    for (const key of wanted) {
      if (this.items.has(key))
        result[key] = structuredClone(this.items.get(key));
    }
    return result;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.writes += 1;
    let next = this.storedChars;
    for (const [key, value] of Object.entries(items)) {
      next += itemChars(key, value) - (this.sizes.get(key) ?? 0);
    }
    if (next > this.quotaChars) {
      this.quotaErrors += 1;
      throw new Error(QUOTA_MESSAGE);
    }
    for (const [key, value] of Object.entries(items)) {
      this.items.set(key, structuredClone(value));
      this.sizes.set(key, itemChars(key, value));
    }
    this.storedChars = next;
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const key of [keys].flat()) {
      this.items.delete(key);
      this.storedChars -= this.sizes.get(key) ?? 0;
      this.sizes.delete(key);
    }
  }

  /** Returns the stored values whose key starts with `prefix`. */
  valuesWithPrefix(prefix: string): unknown[] {
    return [...this.items]
      .filter(([key]) => key.startsWith(prefix))
      .map(([, value]) => value);
  }
}

/** Counts an item as the length of its key and of its value as JSON. */
function itemChars(key: string, value: unknown): number {
  return key.length + (JSON.stringify(value)?.length ?? 0);
}

/** Returns the areas a controller uses: `session`, and a fresh `local` unless given. */
export function areas(
  session: SessionArea,
  local: SessionArea = new FakeSessionArea(),
): CaptureAreas {
  return { session, local };
}
