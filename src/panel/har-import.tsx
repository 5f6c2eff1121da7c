import { useRef, useState } from "preact/hooks";
import type { JSX } from "preact";

/** Renders the "Import HAR" button, which opens a file picker for a `.har` file. */
export function ImportHarButton({
  onFile,
}: {
  readonly onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        data-testid="import-har"
        title="Open a HAR file saved by Chrome's or Firefox's DevTools (or drop it on the panel)"
        onClick={() => input.current?.click()}
      >
        Import HAR
      </button>
      <input
        ref={input}
        type="file"
        accept=".har,.json,application/json"
        data-testid="import-har-file"
        hidden
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Clearing the value lets the same file be chosen again.
          event.currentTarget.value = "";
          if (file !== undefined) onFile(file);
        }}
      />
    </>
  );
}

/** Handlers for an element that accepts a file dropped on it. */
export interface FileDropTarget {
  readonly dragging: boolean;
  readonly handlers: Pick<
    JSX.HTMLAttributes<HTMLDivElement>,
    "onDragEnter" | "onDragOver" | "onDragLeave" | "onDrop"
  >;
}

/** Lets a file be dropped anywhere on the element; `dragging` is true while one is over it. */
export function useFileDrop(onFile: (file: File) => void): FileDropTarget {
  const [dragging, setDragging] = useState(false);
  const hasFiles = (event: DragEvent): boolean =>
    event.dataTransfer?.types.includes("Files") ?? false;
  return {
    dragging,
    handlers: {
      onDragEnter: (event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      },
      onDragOver: (event) => {
        if (!hasFiles(event)) return;
        // Without preventDefault the browser opens the file instead of dropping it.
        event.preventDefault();
        if (event.dataTransfer !== null) event.dataTransfer.dropEffect = "copy";
      },
      onDragLeave: (event) => {
        // Leaving for a child element is not leaving the panel.
        if (
          event.relatedTarget instanceof Node &&
          event.currentTarget.contains(event.relatedTarget)
        ) {
          return;
        }
        setDragging(false);
      },
      onDrop: (event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer?.files[0];
        if (file !== undefined) onFile(file);
      },
    },
  };
}

interface ImportBannerProps {
  /** The imported file's name, or null while live capture is shown. */
  readonly fileName: string | null;
  readonly requestCount: number;
  readonly error: string | null;
  readonly onBackToLive: () => void;
  readonly onDismissError: () => void;
}

/**
 * Renders the banner that names the imported file shown, with the way back to live
 * capture, and the message of a failed import.
 */
export function ImportBanner(props: ImportBannerProps) {
  return (
    <>
      {props.error === null ? null : (
        <div class="import-banner import-banner--error" role="alert">
          <span data-testid="import-error">{props.error}</span>
          <button type="button" onClick={props.onDismissError}>
            Dismiss
          </button>
        </div>
      )}
      {props.fileName === null ? null : (
        <div class="import-banner" data-testid="imported-banner" role="status">
          <span>
            Showing{" "}
            {props.requestCount === 1
              ? "1 request"
              : `${props.requestCount} requests`}{" "}
            imported from <strong>{props.fileName}</strong>. Live capture
            continues in the background.
          </span>
          <button
            type="button"
            data-testid="back-to-live"
            onClick={props.onBackToLive}
          >
            Back to live capture
          </button>
        </div>
      )}
    </>
  );
}
