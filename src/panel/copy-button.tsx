import { useEffect, useRef, useState } from "preact/hooks";
import { writeClipboard } from "./clipboard";

/** How long "Copied" stays visible, in milliseconds. */
const COPIED_VISIBLE_MS = 2_000;

type CopyState =
  | { readonly kind: "idle" }
  | { readonly kind: "copied" }
  | {
      readonly kind: "denied";
      readonly text: string;
      readonly reason: string;
    };

interface CopyButtonProps {
  readonly label: string;
  /** Returns the text to copy, computed on click. */
  readonly text: () => string;
  readonly testId: string;
  /** A longer description of what the button copies, for its tooltip. */
  readonly title?: string;
}

/**
 * Renders a button that copies a text, with a live status next to it: "Copied", or,
 * when the browser denies the clipboard, a message and the text in a selected,
 * read-only box to copy by hand.
 */
export function CopyButton({ label, text, testId, title }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>({ kind: "idle" });

  useEffect(() => {
    if (state.kind !== "copied") return;
    const timer = setTimeout(
      () => setState({ kind: "idle" }),
      COPIED_VISIBLE_MS,
    );
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    const value = text();
    try {
      await writeClipboard(value);
      setState({ kind: "copied" });
    } catch (error) {
      setState({ kind: "denied", text: value, reason: errorText(error) });
    }
  };

  return (
    <span class="copy-control">
      <button
        type="button"
        class="copy-button"
        data-testid={testId}
        title={title}
        onClick={() => void copy()}
      >
        {label}
      </button>
      <span
        class={`copy-status copy-status--${state.kind}`}
        role="status"
        aria-live="polite"
        data-testid="copy-status"
        data-state={state.kind}
      >
        {state.kind === "copied" ? "Copied" : null}
        {state.kind === "denied"
          ? `The browser denied access to the clipboard (${state.reason}). Select the text below and copy it with Ctrl+C or ⌘C.`
          : null}
      </span>
      {state.kind === "denied" ? <ManualCopy text={state.text} /> : null}
    </span>
  );
}

/** Renders a read-only text box that contains the text to copy, selected when it appears. */
function ManualCopy({ text }: { readonly text: string }) {
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    area.current?.focus();
    area.current?.select();
  }, [text]);
  return (
    <textarea
      ref={area}
      class="manual-copy"
      readOnly
      value={text}
      aria-label="Text to copy"
      data-testid="manual-copy"
      rows={Math.min(8, text.split("\n").length)}
    />
  );
}

function errorText(error: unknown): string {
  if (error instanceof Error && error.message !== "") {
    return error.name === "Error"
      ? error.message
      : `${error.name}: ${error.message}`;
  }
  return "no reason given";
}
