import browser from "webextension-polyfill";

/** Returns the browser whose DevTools the page runs in, from the URL scheme. */
export function devtoolsBrowser(protocol: string): "firefox" | "chromium" {
  return protocol === "moz-extension:" ? "firefox" : "chromium";
}

/**
 * Maps DevTools' theme name to the panel's. Chromium names its light theme "default",
 * Firefox "light".
 */
export function panelTheme(themeName: string): "light" | "dark" {
  return themeName === "dark" ? "dark" : "light";
}

/**
 * Sets `data-devtools` on `root` to the browser, whose DevTools palette theme.css
 * then uses, and inside DevTools sets `data-theme` to DevTools' theme and keeps it
 * in step. A detached view has no DevTools theme: `data-theme` stays unset and the
 * colors follow `prefers-color-scheme`.
 */
export function followDevtoolsTheme(root: HTMLElement): void {
  root.dataset.devtools = devtoolsBrowser(location.protocol);
  // `browser.devtools` is undefined outside DevTools, although its type declares it always present.
  const panels = browser.devtools?.panels;
  if (panels === undefined) return;
  const apply = (themeName: string) => {
    root.dataset.theme = panelTheme(themeName);
  };
  apply(panels.themeName);
  if (panels.onThemeChanged !== undefined) {
    // Firefox 55 and later.
    panels.onThemeChanged.addListener(apply);
  } else if (typeof chrome !== "undefined") {
    // Chromium has no onThemeChanged event but setThemeChangeHandler (Chrome 99+).
    chrome.devtools.panels.setThemeChangeHandler?.(apply);
  }
}
