import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/lab/lab-arguments";
import { parseStartArguments } from "../../../src/lab/start-arguments";

describe("parseStartArguments", () => {
  it("opens Chromium by default", () => {
    expect(parseStartArguments([]).browser).toBe("chrome");
  });

  it("accepts --browser firefox", () => {
    expect(parseStartArguments(["--browser", "firefox"]).browser).toBe(
      "firefox",
    );
  });

  it("accepts --browser=firefox", () => {
    expect(parseStartArguments(["--browser=firefox"]).browser).toBe("firefox");
  });

  it("accepts --browser chrome", () => {
    expect(parseStartArguments(["--browser", "chrome"]).browser).toBe("chrome");
  });

  it("keeps the lab's options around --browser", () => {
    const options = parseStartArguments([
      "--page-port",
      "0",
      "--browser",
      "firefox",
      "--api-port=0",
      "--verbose",
    ]);
    expect(options.pagePort).toBe(0);
    expect(options.apiPort).toBe(0);
    expect(options.verbose).toBe(true);
    expect(options.browser).toBe("firefox");
  });

  it("rejects an unknown browser", () => {
    expect(() => parseStartArguments(["--browser", "safari"])).toThrow(
      'invalid value "safari" for --browser: expected chrome or firefox',
    );
  });

  it("rejects --browser without a name", () => {
    expect(() => parseStartArguments(["--browser"])).toThrow(UsageError);
    expect(() => parseStartArguments(["--browser", "--verbose"])).toThrow(
      "option --browser requires a browser name",
    );
  });

  it("still rejects unknown options", () => {
    expect(() => parseStartArguments(["--browser", "firefox", "--x"])).toThrow(
      "unknown option --x",
    );
  });
});
