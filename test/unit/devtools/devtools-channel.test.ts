import { describe, expect, it } from "vitest";
import {
  devtoolsChannelName,
  isCaptureEnvelope,
  isPanelEnvelope,
} from "../../../src/messaging/devtools-channel";

describe("devtools channel envelopes", () => {
  it("names one channel per tab", () => {
    expect(devtoolsChannelName(7)).toBe("cors-lens:devtools:7");
    expect(devtoolsChannelName(8)).not.toBe(devtoolsChannelName(7));
  });

  it.each([
    { from: "p", message: { type: "subscribe", tabId: 7 } },
    { from: "p", message: { type: "unsubscribe" } },
    { from: "p", message: { type: "clear" } },
    { from: "p", message: { type: "setOptions", paused: true } },
  ])("accepts the panel envelope %j", (envelope) => {
    expect(isPanelEnvelope(envelope)).toBe(true);
  });

  it.each([
    null,
    "subscribe",
    { message: { type: "clear" } },
    { from: 3, message: { type: "clear" } },
    { from: "p" },
    { from: "p", message: null },
    { from: "p", message: { type: "snapshot", tabId: 7, records: [] } },
    { from: "p", message: { type: "subscribe" } },
    { from: "p", message: { type: "subscribe", tabId: "7" } },
  ])("rejects the panel envelope %j", (envelope) => {
    expect(isPanelEnvelope(envelope)).toBe(false);
  });

  it.each([
    { to: null, message: { type: "cleared" } },
    { to: "p", message: { type: "snapshot", tabId: 7, records: [] } },
  ])("accepts the capture envelope %j", (envelope) => {
    expect(isCaptureEnvelope(envelope)).toBe(true);
  });

  it.each([
    null,
    { message: { type: "cleared" } },
    { to: 4, message: { type: "cleared" } },
    { to: null, message: "cleared" },
    { to: null, message: null },
  ])("rejects the capture envelope %j", (envelope) => {
    expect(isCaptureEnvelope(envelope)).toBe(false);
  });
});
