import type { AnalyzedExchange } from "./analyzed-exchange";

/** The exchanges an export contains: all, the blocked ones, or the selected one. */
export const EXPORT_SCOPES = ["all", "failing", "selected"] as const;

export type ExportScope = (typeof EXPORT_SCOPES)[number];

/**
 * Returns the entries an export of this scope contains, in their order: every entry,
 * the blocked ones, or the selected one (none when nothing is selected).
 */
export function entriesInScope(
  entries: readonly AnalyzedExchange[],
  scope: ExportScope,
  selectedId: string | null,
): AnalyzedExchange[] {
  switch (scope) {
    case "all":
      return [...entries];
    case "failing":
      return entries.filter((entry) => entry.analysis.verdict === "blocked");
    case "selected":
      return entries.filter(
        (entry) => selectedId !== null && entry.exchange.id === selectedId,
      );
  }
}
