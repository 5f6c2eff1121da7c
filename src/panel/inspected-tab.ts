import browser from "webextension-polyfill";
import { tabIdFromQuery } from "./tab-id-query";

/** The tab whose capture the panel shows, and whether it is shown outside DevTools. */
export interface InspectedTab {
  readonly tabId: number;
  readonly detached: boolean;
}

/**
 * Returns the inspected tab inside DevTools, the `?tabId=` tab in a detached view, or
 * null when the page was opened in neither way.
 */
export function findInspectedTab(search: string): InspectedTab | null {
  // `browser.devtools` is undefined outside DevTools, although its type declares it always present.
  const devtoolsTabId = browser.devtools?.inspectedWindow.tabId;
  if (typeof devtoolsTabId === "number") {
    return { tabId: devtoolsTabId, detached: false };
  }
  const queryTabId = tabIdFromQuery(search);
  return queryTabId === null ? null : { tabId: queryTabId, detached: true };
}
