/**
 * The capture setting kept in `storage.local`, shared by the background, which applies
 * it, and the panel, which edits it.
 */

/** The `storage.local` key of the per-tab exchange cap. */
export const MAX_EXCHANGES_KEY = "maxExchangesPerTab";

/** Exchanges kept per tab when the user has not chosen another number. */
export const DEFAULT_MAX_EXCHANGES = 5_000;

/** The smallest and largest cap the panel accepts. */
export const MIN_MAX_EXCHANGES = 100;
export const MAX_MAX_EXCHANGES = 100_000;

/**
 * Returns the cap a stored value sets: a whole number within the accepted range, or the
 * default when the value is missing or invalid.
 */
export function maxExchangesFrom(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    return DEFAULT_MAX_EXCHANGES;
  }
  return Math.min(Math.max(value, MIN_MAX_EXCHANGES), MAX_MAX_EXCHANGES);
}
