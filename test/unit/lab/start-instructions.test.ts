import { describe, expect, it } from "vitest";
import {
  browserInstructions,
  manualInstructions,
} from "../../../src/lab/start-instructions";

describe("manualInstructions", () => {
  const text = manualInstructions(
    "No display is available.",
    "/project/dist/chrome",
    "http://127.0.0.1:4100/",
  );

  it("starts with the reason", () => {
    expect(text.startsWith("No display is available.")).toBe(true);
  });

  it("names every step to load the extension", () => {
    expect(text).toContain("chrome://extensions");
    expect(text).toContain("Developer mode");
    expect(text).toContain("Load unpacked");
    expect(text).toContain("/project/dist/chrome");
    expect(text).toContain("http://127.0.0.1:4100/");
    expect(text).toContain("CORS panel");
    expect(text).toContain("Run all");
  });
});

describe("browserInstructions", () => {
  it("says where the CORS panel is", () => {
    const text = browserInstructions("http://127.0.0.1:4100/");
    expect(text).toContain(
      "In DevTools, open the CORS panel (it may be under the >> overflow), then click Run all on the lab page",
    );
  });
});
