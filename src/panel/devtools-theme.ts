import browser from "webextension-polyfill";

/**
 * Sets `data-theme` on `root` to DevTools' theme and keeps it in step. Without DevTools
 * (a detached view) the attribute stays unset and the CSS follows `prefers-color-scheme`.
 */
export function followDevtoolsTheme(root: HTMLElement): void {
  const panels = browser.devtools?.panels;
  if (panels === undefined) return;
  // Chromium names its themes "default" and "dark"; Firefox "light" and "dark".
  const apply = (themeName: string) => {
    root.dataset.theme = themeName === "dark" ? "dark" : "light";
  };
  apply(panels.themeName);
  if (panels.onThemeChanged !== undefined) {
    panels.onThemeChanged.addListener(apply);
  } else if (typeof chrome !== "undefined") {
    // Chromium has no onThemeChanged event but setThemeChangeHandler (Chrome 99+).
    chrome.devtools.panels.setThemeChangeHandler?.(apply);
  }
}
