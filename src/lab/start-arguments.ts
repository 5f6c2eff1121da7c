import {
  parseLabArguments,
  UsageError,
  type LabArguments,
} from "./lab-arguments";

/** The browsers `npm start` can open the lab in. */
export const START_BROWSERS = ["chrome", "firefox"] as const;
export type StartBrowser = (typeof START_BROWSERS)[number];

/** The options of `npm start`: the lab's options and the browser to open. */
export interface StartArguments extends LabArguments {
  readonly browser: StartBrowser;
}

/** Help text line of the `--browser` option, in the style of the lab's options. */
export const BROWSER_OPTION_HELP =
  "  --browser <name>    browser to open the lab in: chrome (Chromium, the default) or firefox";

/**
 * Parses the options of `npm start`: `--browser chrome|firefox` (or `--browser=firefox`)
 * and the lab's options. Throws UsageError for an invalid browser name and for whatever
 * parseLabArguments rejects.
 */
export function parseStartArguments(args: readonly string[]): StartArguments {
  const rest: string[] = [];
  let browser: StartBrowser = "chrome";
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? "";
    if (arg === "--") {
      rest.push(...args.slice(index));
      break;
    }
    let value: string | undefined;
    if (arg === "--browser") {
      value = args[index + 1];
      if (value === undefined || value.startsWith("-")) {
        throw new UsageError(
          `option --browser requires a browser name: ${START_BROWSERS.join(" or ")}`,
        );
      }
      index += 1;
    } else if (arg.startsWith("--browser=")) {
      value = arg.slice("--browser=".length);
    } else {
      rest.push(arg);
      continue;
    }
    browser = parseBrowser(value);
  }
  return { ...parseLabArguments(rest), browser };
}

function parseBrowser(value: string): StartBrowser {
  const browser = START_BROWSERS.find((name) => name === value.toLowerCase());
  if (browser === undefined) {
    throw new UsageError(
      `invalid value "${value}" for --browser: expected ${START_BROWSERS.join(" or ")}`,
    );
  }
  return browser;
}
