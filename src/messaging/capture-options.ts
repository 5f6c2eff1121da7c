/**
 * The capture options of one tab, which the background keeps in `storage.session` and
 * every panel of the tab shows and edits. They work as in DevTools' Network panel, and
 * both are off until a panel turns them on.
 */
export interface CaptureOptions {
  /** Keep the tab's exchanges when its top-level frame loads a new document. */
  readonly preserveLog: boolean;
  /** Record no new request of the tab. Requests already recorded still complete. */
  readonly paused: boolean;
}

/** A change to some of a tab's capture options. */
export type CaptureOptionsChange = Partial<CaptureOptions>;

export const DEFAULT_CAPTURE_OPTIONS: CaptureOptions = {
  preserveLog: false,
  paused: false,
};

/** Returns the options a stored value sets, with the default for each invalid field. */
export function captureOptionsFrom(value: unknown): CaptureOptions {
  if (typeof value !== "object" || value === null) {
    return DEFAULT_CAPTURE_OPTIONS;
  }
  const fields = value as Record<string, unknown>;
  return {
    preserveLog: fields.preserveLog === true,
    paused: fields.paused === true,
  };
}

/**
 * Returns the change a message carries, or null when a field is present but not a
 * boolean.
 */
export function captureOptionsChangeFrom(
  value: object,
): CaptureOptionsChange | null {
  const fields = value as Readonly<Record<string, unknown>>;
  const change: { preserveLog?: boolean; paused?: boolean } = {};
  for (const field of ["preserveLog", "paused"] as const) {
    const given = fields[field];
    if (given === undefined) continue;
    if (typeof given !== "boolean") return null;
    change[field] = given;
  }
  return change;
}
