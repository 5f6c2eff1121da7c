import { useState } from "preact/hooks";
import {
  MAX_MAX_EXCHANGES,
  MIN_MAX_EXCHANGES,
} from "../messaging/capture-settings";
import { useMaxExchanges } from "./max-exchanges-setting";
import "./capture-limit.css";

interface CaptureLimitProps {
  /** Older exchanges of the tab dropped to stay within the cap. */
  readonly droppedCount: number;
}

function droppedText(count: number): string {
  const number = count.toLocaleString("en-US");
  return count === 1
    ? "1 older exchange dropped"
    : `${number} older exchanges dropped`;
}

/**
 * Renders the footer of the live capture: the per-tab cap on kept exchanges, which the
 * user can change, and how many older exchanges were dropped to stay within it.
 */
export function CaptureLimit({ droppedCount }: CaptureLimitProps) {
  const [maxExchanges, saveMaxExchanges] = useMaxExchanges();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const value = Number(draft);
    setDraft(null);
    if (draft.trim() !== "" && Number.isFinite(value)) {
      saveMaxExchanges(Math.round(value));
    }
  };
  return (
    <footer class="capture-limit" data-testid="capture-limit">
      <label class="capture-limit-setting">
        Keep at most{" "}
        <input
          type="number"
          data-testid="max-exchanges"
          min={MIN_MAX_EXCHANGES}
          max={MAX_MAX_EXCHANGES}
          step={100}
          value={draft ?? String(maxExchanges)}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === "Enter") commit();
            if (event.key === "Escape") setDraft(null);
          }}
        />{" "}
        exchanges per tab; the oldest are dropped first.
      </label>
      {droppedCount > 0 ? (
        <span
          class="dropped-notice"
          data-testid="dropped-notice"
          data-count={droppedCount}
          role="status"
        >
          {droppedText(droppedCount)}
        </span>
      ) : null}
    </footer>
  );
}
