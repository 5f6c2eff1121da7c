import { describe, expect, it } from "vitest";
import { firefoxPath, webExtRunParams } from "../../../src/lab/firefox";
import {
  firefoxInstructions,
  firefoxManualInstructions,
} from "../../../src/lab/start-instructions";

describe("firefoxPath", () => {
  it("uses FIREFOX_PATH when set", () => {
    expect(firefoxPath({ FIREFOX_PATH: "/opt/firefox/firefox" })).toBe(
      "/opt/firefox/firefox",
    );
  });

  it("prefers firefox-esr when both are installed", () => {
    expect(firefoxPath({}, () => true)).toBe("/usr/bin/firefox-esr");
  });

  it("falls back to /usr/bin/firefox", () => {
    expect(firefoxPath({}, (path) => path === "/usr/bin/firefox")).toBe(
      "/usr/bin/firefox",
    );
  });

  it("names firefox-esr when none is installed", () => {
    expect(firefoxPath({}, () => false)).toBe("/usr/bin/firefox-esr");
  });
});

describe("webExtRunParams", () => {
  const params = webExtRunParams({
    executable: "/usr/bin/firefox-esr",
    extensionDir: "/project/dist/firefox",
    url: "http://127.0.0.1:4100/",
  });

  it("runs the Firefox build in the given Firefox", () => {
    expect(params.sourceDir).toBe("/project/dist/firefox");
    expect(params.firefox).toBe("/usr/bin/firefox-esr");
    expect(params.target).toEqual(["firefox-desktop"]);
  });

  it("opens the lab page with DevTools", () => {
    expect(params.startUrl).toEqual(["http://127.0.0.1:4100/"]);
    expect(params.args).toEqual(["--devtools"]);
  });

  it("turns off Firefox's update and telemetry services", () => {
    expect(params.pref?.["app.update.auto"]).toBe(false);
    expect(params.pref?.["toolkit.telemetry.enabled"]).toBe(false);
    expect(params.pref?.["network.captive-portal-service.enabled"]).toBe(false);
  });

  it("neither watches files nor reads the terminal", () => {
    expect(params.noReload).toBe(true);
    expect(params.noInput).toBe(true);
  });
});

describe("firefoxManualInstructions", () => {
  const text = firefoxManualInstructions(
    "No display is available.",
    "/project/dist/firefox",
    "http://127.0.0.1:4100/",
  );

  it("starts with the reason", () => {
    expect(text.startsWith("No display is available.")).toBe(true);
  });

  it("names every step to load the extension", () => {
    expect(text).toContain("about:debugging");
    expect(text).toContain("This Firefox");
    expect(text).toContain("Load Temporary Add-on");
    expect(text).toContain("/project/dist/firefox/manifest.json");
    expect(text).toContain("http://127.0.0.1:4100/");
    expect(text).toContain("CORS panel");
    expect(text).toContain("Run all");
  });
});

describe("firefoxInstructions", () => {
  it("says where the CORS panel is", () => {
    const text = firefoxInstructions("http://127.0.0.1:4100/");
    expect(text).toContain("open the CORS panel");
    expect(text).toContain("Run all");
  });
});
