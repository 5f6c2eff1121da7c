/** Returns what to click once Chromium shows the lab page with DevTools. */
export function browserInstructions(pageUrl: string): string {
  return [
    `Opening ${pageUrl} in Chromium with CORS Lens loaded.`,
    "In DevTools, open the CORS panel (it may be under the >> overflow), then click Run all on the lab page.",
  ].join("\n");
}

/** Returns the steps to load the unpacked extension by hand and try it. */
export function manualInstructions(
  reason: string,
  extensionDir: string,
  pageUrl: string,
): string {
  return [
    `${reason} To try CORS Lens by hand in Chrome or Chromium:`,
    "  1. Open chrome://extensions and turn on Developer mode.",
    `  2. Click Load unpacked and pick the folder ${extensionDir}`,
    `  3. Open the lab page: ${pageUrl}`,
    "  4. Open DevTools (F12) and select the CORS panel (it may be under the >> overflow).",
    "  5. Click Run all on the lab page.",
  ].join("\n");
}

/** Returns what to click once Firefox shows the lab page with DevTools. */
export function firefoxInstructions(pageUrl: string): string {
  return [
    `Opening ${pageUrl} in Firefox with CORS Lens installed as a temporary add-on (a temporary profile, removed when Firefox closes).`,
    "In DevTools, open the CORS panel (it may be under the >> overflow), then click Run all on the lab page.",
  ].join("\n");
}

/** Returns the steps to load the extension by hand in Firefox and try it. */
export function firefoxManualInstructions(
  reason: string,
  extensionDir: string,
  pageUrl: string,
): string {
  return [
    `${reason} To try CORS Lens by hand in Firefox:`,
    "  1. Open about:debugging and click This Firefox.",
    `  2. Click Load Temporary Add-on and pick the file ${extensionDir}/manifest.json`,
    `  3. Open the lab page: ${pageUrl}`,
    "  4. Open DevTools (F12) and select the CORS panel (it may be under the >> overflow).",
    "  5. Click Run all on the lab page.",
  ].join("\n");
}
