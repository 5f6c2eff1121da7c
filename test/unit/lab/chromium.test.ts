import { describe, expect, it } from "vitest";
import {
  chromiumArguments,
  chromiumPath,
  hasDisplay,
} from "../../../src/lab/chromium";

const LAUNCH = {
  executable: "/usr/bin/chromium",
  extensionDir: "/project/dist/chrome",
  profileDir: "/tmp/profile-1",
  url: "http://127.0.0.1:4100/",
};

describe("hasDisplay", () => {
  it("accepts an X11 display", () => {
    expect(hasDisplay({ DISPLAY: ":0" })).toBe(true);
  });

  it("accepts a Wayland display", () => {
    expect(hasDisplay({ DISPLAY: "", WAYLAND_DISPLAY: "wayland-0" })).toBe(
      true,
    );
  });

  it("rejects unset and empty variables", () => {
    expect(hasDisplay({})).toBe(false);
    expect(hasDisplay({ DISPLAY: "", WAYLAND_DISPLAY: "" })).toBe(false);
  });
});

describe("chromiumPath", () => {
  it("defaults to /usr/bin/chromium", () => {
    expect(chromiumPath({})).toBe("/usr/bin/chromium");
  });

  it("uses CHROMIUM_PATH when set", () => {
    expect(chromiumPath({ CHROMIUM_PATH: "/opt/chromium/chrome" })).toBe(
      "/opt/chromium/chrome",
    );
  });
});

describe("chromiumArguments", () => {
  it("loads only the extension in a fresh profile", () => {
    const args = chromiumArguments(LAUNCH, false);
    expect(args).toEqual([
      "--user-data-dir=/tmp/profile-1",
      "--load-extension=/project/dist/chrome",
      "--disable-extensions-except=/project/dist/chrome",
      "--auto-open-devtools-for-tabs",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--proxy-server=http://127.0.0.1:9",
      "http://127.0.0.1:4100/",
    ]);
  });

  it("turns the sandbox off only as root", () => {
    expect(chromiumArguments(LAUNCH, true)).toContain("--no-sandbox");
    expect(chromiumArguments(LAUNCH, false)).not.toContain("--no-sandbox");
  });

  it("puts the URL last", () => {
    expect(chromiumArguments(LAUNCH, true).at(-1)).toBe(LAUNCH.url);
  });
});
