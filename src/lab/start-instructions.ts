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
