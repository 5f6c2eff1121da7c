import type { ExchangeStore } from "./exchange-store";
import { usePanelState } from "./use-panel-state";
import "./capture-controls.css";

interface CaptureControlsProps {
  /** The live capture of the inspected tab. */
  readonly store: ExchangeStore;
}

/**
 * Renders the "Pause recording" and "Preserve log" toggles of the inspected tab, and a
 * notice while recording is paused. The background keeps both options for the tab, so
 * every panel of the tab shows the same state. The toggles are disabled until the
 * background sent the options, and while it is disconnected.
 */
export function CaptureControls({ store }: CaptureControlsProps) {
  const { captureOptions, connection } = usePanelState(store);
  const disabled = captureOptions === undefined || connection !== "connected";
  const paused = captureOptions?.paused ?? false;
  const preserveLog = captureOptions?.preserveLog ?? false;
  return (
    <div class="capture-controls" role="group" aria-label="Capture options">
      <button
        type="button"
        class="capture-toggle capture-toggle--pause"
        data-testid="pause-recording"
        aria-pressed={paused}
        disabled={disabled}
        title={
          paused
            ? "Record this tab's requests again"
            : "Stop recording new requests of this tab; requests already recorded still complete"
        }
        onClick={() => store.setCaptureOptions({ paused: !paused })}
      >
        Pause recording
      </button>
      <button
        type="button"
        class="capture-toggle"
        data-testid="preserve-log"
        aria-pressed={preserveLog}
        disabled={disabled}
        title="Keep the recorded requests when the tab loads a new page"
        onClick={() => store.setCaptureOptions({ preserveLog: !preserveLog })}
      >
        Preserve log
      </button>
      <span class="capture-paused" role="status" data-testid="recording-paused">
        {paused ? "Recording paused" : ""}
      </span>
    </div>
  );
}
