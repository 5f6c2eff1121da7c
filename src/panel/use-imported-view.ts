import { useState } from "preact/hooks";
import type { ExchangeStore } from "./exchange-store";

/** An imported HAR file shown instead of live capture. */
export interface ImportedView {
  readonly store: ExchangeStore;
  readonly fileName: string;
}

export interface ImportedViewState {
  readonly imported: ImportedView | null;
  readonly error: string | null;
  /** Reads the file and shows it, or keeps the current view and sets `error`. */
  readonly open: (file: File) => void;
  readonly backToLive: () => void;
  readonly dismissError: () => void;
}

/** Holds the imported view, if any, and the message of the last failed import. */
export function useImportedView(
  openHar: (file: File) => Promise<ExchangeStore>,
): ImportedViewState {
  const [imported, setImported] = useState<ImportedView | null>(null);
  const [error, setError] = useState<string | null>(null);
  return {
    imported,
    error,
    open(file) {
      openHar(file).then(
        (store) => {
          setError(null);
          setImported({ store, fileName: file.name });
        },
        (reason: unknown) => {
          const message =
            reason instanceof Error ? reason.message : String(reason);
          setError(`Cannot import ${file.name}: ${message}`);
        },
      );
    },
    backToLive: () => setImported(null),
    dismissError: () => setError(null),
  };
}
