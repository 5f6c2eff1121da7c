import type { SessionArea } from "../../../src/background/session-area";

/** In-memory stand-in for `storage.session` that copies values as the real one does. */
export class FakeSessionArea implements SessionArea {
  readonly items = new Map<string, unknown>();
  writes = 0;

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
    for (const [key, value] of Object.entries(items)) {
      this.items.set(key, structuredClone(value));
    }
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const key of [keys].flat()) this.items.delete(key);
  }
}
