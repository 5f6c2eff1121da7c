import { describe, expect, it } from "vitest";
import { throttledFrame } from "../../../src/panel/throttled-frame";

/** Returns a clock whose frames and timers run only when the test runs them. */
function manualClock() {
  let time = 0;
  const frames: (() => void)[] = [];
  const timers: { at: number; callback: () => void }[] = [];
  return {
    clock: {
      requestFrame: (callback: () => void) => frames.push(callback),
      now: () => time,
      setTimer: (callback: () => void, delayMs: number) =>
        timers.push({ at: time + delayMs, callback }),
    },
    advance(ms: number) {
      time += ms;
      for (const timer of timers.filter((t) => t.at <= time)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.callback();
      }
    },
    runFrames() {
      for (const frame of frames.splice(0)) frame();
    },
    pendingFrames: () => frames.length,
    pendingTimers: () => timers.length,
  };
}

describe("throttledFrame", () => {
  it("runs the first callback at the next frame", () => {
    const manual = manualClock();
    const schedule = throttledFrame(250, manual.clock);
    const runs: number[] = [];
    schedule(() => runs.push(1));
    expect(manual.pendingFrames()).toBe(1);
    manual.runFrames();
    expect(runs).toEqual([1]);
  });

  it("waits out the interval after a run before the next frame", () => {
    const manual = manualClock();
    const schedule = throttledFrame(250, manual.clock);
    const runs: string[] = [];
    schedule(() => runs.push("first"));
    manual.runFrames();
    manual.advance(100);
    schedule(() => runs.push("second"));
    expect(manual.pendingFrames()).toBe(0);
    expect(manual.pendingTimers()).toBe(1);
    manual.advance(149);
    expect(manual.pendingFrames()).toBe(0);
    manual.advance(1);
    manual.runFrames();
    expect(runs).toEqual(["first", "second"]);
  });

  it("runs at the next frame once the interval has passed", () => {
    const manual = manualClock();
    const schedule = throttledFrame(250, manual.clock);
    schedule(() => undefined);
    manual.runFrames();
    manual.advance(300);
    schedule(() => undefined);
    expect(manual.pendingTimers()).toBe(0);
    expect(manual.pendingFrames()).toBe(1);
  });
});
