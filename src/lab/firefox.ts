import { existsSync } from "node:fs";
import type { ExtensionRunner, RunParams } from "web-ext";

/** Install paths of Debian's firefox-esr package and of most distributions' firefox. */
export const FIREFOX_CANDIDATES = ["/usr/bin/firefox-esr", "/usr/bin/firefox"];

/**
 * Returns the Firefox executable to use: `FIREFOX_PATH`, else the first candidate that
 * exists, else the first candidate, so that a message can name the path it looked for.
 */
export function firefoxPath(
  env: NodeJS.ProcessEnv,
  exists: (path: string) => boolean = existsSync,
): string {
  const configured = env["FIREFOX_PATH"];
  if (configured) return configured;
  return FIREFOX_CANDIDATES.find(exists) ?? "/usr/bin/firefox-esr";
}

/** The Firefox executable, extension build and page of one launch. */
export interface FirefoxLaunch {
  readonly executable: string;
  readonly extensionDir: string;
  readonly url: string;
}

/**
 * Preferences that keep Firefox from contacting any host but loopback. Every connection
 * that is not to 127.0.0.1 or localhost goes to a proxy on a closed loopback port and
 * fails, with no fallback to a direct connection.
 */
export const LOOPBACK_ONLY_FIREFOX_PREFS: Readonly<
  Record<string, boolean | string | number>
> = {
  "network.proxy.type": 1,
  "network.proxy.http": "127.0.0.1",
  "network.proxy.http_port": 9,
  "network.proxy.ssl": "127.0.0.1",
  "network.proxy.ssl_port": 9,
  "network.proxy.no_proxies_on": "localhost, 127.0.0.1",
  "network.proxy.socks_remote_dns": true,
  "network.proxy.failover_direct": false,
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  "network.dns.disablePrefetch": true,
  "network.prefetch-next": false,
  "toolkit.telemetry.enabled": false,
  "browser.region.network.url": "",
  "extensions.blocklist.enabled": false,
};

/**
 * Preferences that turn off the Firefox services a throwaway profile would otherwise
 * start with: updates, studies, telemetry, Safe Browsing lists, captive portal and
 * connectivity checks, and new-tab content. web-ext turns off add-on updates itself.
 * Together with the loopback-only proxy settings, nothing reaches another host.
 */
export const QUIET_FIREFOX_PREFS: Readonly<
  Record<string, boolean | string | number>
> = {
  ...LOOPBACK_ONLY_FIREFOX_PREFS,
  "app.update.auto": false,
  "app.normandy.enabled": false,
  "app.normandy.api_url": "",
  "app.shield.optoutstudies.enabled": false,
  "datareporting.healthreport.uploadEnabled": false,
  "toolkit.telemetry.enabled": false,
  "toolkit.telemetry.unified": false,
  "browser.safebrowsing.malware.enabled": false,
  "browser.safebrowsing.phishing.enabled": false,
  "browser.safebrowsing.downloads.enabled": false,
  "browser.safebrowsing.blockedURIs.enabled": false,
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  "browser.region.update.enabled": false,
  "browser.search.update": false,
  "browser.newtabpage.enabled": false,
  "browser.newtabpage.activity-stream.feeds.system.topstories": false,
  "browser.discovery.enabled": false,
  "extensions.blocklist.enabled": false,
};

/**
 * Returns the options of `web-ext run`: a temporary profile (web-ext's default) with the
 * extension installed as a temporary add-on, and the lab page open with DevTools.
 */
export function webExtRunParams(launch: FirefoxLaunch): RunParams {
  return {
    sourceDir: launch.extensionDir,
    firefox: launch.executable,
    startUrl: [launch.url],
    // Firefox's own --devtools option opens DevTools on the first tab.
    args: ["--devtools"],
    target: ["firefox-desktop"],
    pref: QUIET_FIREFOX_PREFS,
    noReload: true,
    noInput: true,
  };
}

/**
 * Starts Firefox through web-ext, which installs the extension through Firefox's remote
 * debugging protocol, as about:debugging's Load Temporary Add-on does. Rejects when
 * Firefox cannot be started.
 */
export async function launchFirefox(
  launch: FirefoxLaunch,
): Promise<ExtensionRunner> {
  // Loaded only for Firefox: web-ext is large and Chromium does not need it.
  const { default: webExt } = await import("web-ext");
  return webExt.cmd.run(webExtRunParams(launch));
}
