import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** Returns whether an X11 or Wayland display is available to open windows on. */
export function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env["DISPLAY"]) || Boolean(env["WAYLAND_DISPLAY"]);
}

/** Returns the Chromium executable to use: `CHROMIUM_PATH`, or the default. */
export function chromiumPath(env: NodeJS.ProcessEnv): string {
  return env["CHROMIUM_PATH"] || DEFAULT_CHROMIUM_PATH;
}

export function chromiumExists(path: string): boolean {
  return existsSync(path);
}

/** The executable, extension, throwaway profile and URL of one Chromium launch. */
export interface ChromiumLaunch {
  readonly executable: string;
  readonly extensionDir: string;
  readonly profileDir: string;
  readonly url: string;
}

/**
 * Returns Chromium's command-line arguments: a fresh profile with only the
 * unpacked extension, DevTools open on every tab, and none of the browser's
 * own background traffic.
 */
/**
 * Flags that keep Chromium from contacting any host but loopback: its own services are
 * off, and every other connection goes to a proxy on a closed loopback port. Chromium
 * never sends loopback addresses to a proxy ("implicit bypass rules", Chromium's
 * net/proxy_resolution/proxy_bypass_rules.h), so the lab still works.
 */
export const CHROMIUM_LOOPBACK_ONLY_ARGS: readonly string[] = [
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--proxy-server=http://127.0.0.1:9",
];

export function chromiumArguments(
  launch: ChromiumLaunch,
  runningAsRoot: boolean,
): string[] {
  const args = [
    `--user-data-dir=${launch.profileDir}`,
    `--load-extension=${launch.extensionDir}`,
    `--disable-extensions-except=${launch.extensionDir}`,
    "--auto-open-devtools-for-tabs",
    ...CHROMIUM_LOOPBACK_ONLY_ARGS,
  ];
  // Chromium exits at once when run as root with its sandbox on ("Running as
  // root without --no-sandbox is not supported", https://crbug.com/638180).
  if (runningAsRoot) args.push("--no-sandbox");
  args.push(launch.url);
  return args;
}

/** Starts Chromium; its own output is discarded because it is mostly noise. */
export function launchChromium(launch: ChromiumLaunch): ChildProcess {
  const runningAsRoot = process.getuid?.() === 0;
  return spawn(launch.executable, chromiumArguments(launch, runningAsRoot), {
    stdio: "ignore",
  });
}
