import { describe, expect, it } from "vitest";
import { parseLabArguments, UsageError } from "../../../src/lab/lab-arguments";

describe("parseLabArguments", () => {
  it("defaults to ports 4100 and 4101", () => {
    expect(parseLabArguments([])).toEqual({
      pagePort: 4100,
      apiPort: 4101,
      verbose: false,
      help: false,
    });
  });

  it("reads both ports and verbose", () => {
    expect(
      parseLabArguments(["--page-port", "0", "--api-port=5001", "--verbose"]),
    ).toEqual({ pagePort: 0, apiPort: 5001, verbose: true, help: false });
  });

  it("reads -h as help", () => {
    expect(parseLabArguments(["-h"]).help).toBe(true);
  });

  const invalid: readonly [string, readonly string[], string][] = [
    ["unknown option", ["--port", "3"], "unknown option --port"],
    ["unknown short option", ["-x"], "unknown option -x"],
    ["positional argument", ["4100"], 'unexpected argument "4100"'],
    [
      "missing port",
      ["--page-port"],
      "option --page-port requires a port number",
    ],
    [
      "non-numeric port",
      ["--api-port", "http"],
      'invalid value "http" for --api-port: expected a port number from 0 to 65535',
    ],
    [
      "port above 65535",
      ["--page-port", "65536"],
      'invalid value "65536" for --page-port',
    ],
    ["negative port", ["--page-port=-1"], 'invalid value "-1" for --page-port'],
    [
      "option as port",
      ["--api-port", "--verbose"],
      'invalid value "--verbose"',
    ],
    ["value on a flag", ["--verbose=yes"], "option --verbose takes no value"],
  ];

  for (const [name, args, message] of invalid) {
    it(`rejects ${name}`, () => {
      expect(() => parseLabArguments(args)).toThrow(UsageError);
      expect(() => parseLabArguments(args)).toThrow(message);
    });
  }
});
