import browser from "webextension-polyfill";
import { tabChoices, type TabChoice } from "./tab-choices";

/**
 * Lists the open tabs of every window for the tab picker. The manifest's host
 * permission `<all_urls>` is what lets `tabs.query` return each web page's title
 * and address without the "tabs" permission, in Chromium and in Firefox. Pages it
 * does not cover, such as `chrome://` pages, come without them.
 */
export async function listOpenTabs(): Promise<TabChoice[]> {
  const [tabs, ownTab] = await Promise.all([
    browser.tabs.query({}),
    browser.tabs.getCurrent(),
  ]);
  return tabChoices(tabs, { origin: location.origin, tabId: ownTab?.id });
}

/** Calls `onChange` whenever a tab opens, closes, moves or changes title or address. */
export function watchOpenTabs(onChange: () => void): () => void {
  const onUpdated = (
    _tabId: number,
    change: browser.Tabs.OnUpdatedChangeInfoType,
  ) => {
    if (change.title !== undefined || change.url !== undefined) onChange();
  };
  const events = [
    browser.tabs.onCreated,
    browser.tabs.onRemoved,
    browser.tabs.onMoved,
    browser.tabs.onAttached,
  ];
  for (const event of events) event.addListener(onChange);
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => {
    for (const event of events) event.removeListener(onChange);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}
