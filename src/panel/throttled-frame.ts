/** Schedules a callback for the next animation frame. */
export type FrameScheduler = (callback: () => void) => void;

export interface ThrottleClock {
  readonly requestFrame: FrameScheduler;
  readonly now: () => number;
  readonly setTimer: (callback: () => void, delayMs: number) => void;
}

/**
 * Returns a scheduler that runs each callback at an animation frame, but no sooner than
 * `minIntervalMs` after the previous callback ran. While a page makes hundreds of
 * requests a second, the panel then pairs, analyzes and renders a few times a second
 * instead of at every frame, and leaves the CPU to the page.
 */
export function throttledFrame(
  minIntervalMs: number,
  clock: ThrottleClock,
): FrameScheduler {
  let lastRun = Number.NEGATIVE_INFINITY;
  return (callback) => {
    const run = () =>
      clock.requestFrame(() => {
        lastRun = clock.now();
        callback();
      });
    const wait = lastRun + minIntervalMs - clock.now();
    if (wait <= 0) run();
    else clock.setTimer(run, wait);
  };
}
