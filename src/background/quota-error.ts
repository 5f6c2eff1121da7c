/**
 * Tells whether a storage error means the area is full. Chromium rejects with "Session
 * storage quota bytes exceeded. Values were not stored." (`storage.session.QUOTA_BYTES`
 * is 10 MB since Chrome 112), so any message naming the quota counts.
 */
export function isQuotaError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /quota/i.test(message);
}
