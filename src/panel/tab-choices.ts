/** The fields of a browser tab (`tabs.Tab`) that the tab picker reads. */
export interface OpenTab {
  readonly id?: number;
  readonly windowId?: number;
  readonly index: number;
  readonly title?: string;
  readonly url?: string;
}

/** One tab the detached view can show. */
export interface TabChoice {
  readonly tabId: number;
  /** The tab's title, or null when the browser does not give it to the extension. */
  readonly title: string | null;
  /** The tab's address, or null when the browser does not give it to the extension. */
  readonly url: string | null;
}

/** The page the picker runs in, which it leaves out of the list. */
export interface PickerPage {
  /** Origin of the extension's pages, such as `chrome-extension://<id>`. */
  readonly origin: string;
  /** The picker's own tab, or undefined when `tabs.getCurrent` returns none. */
  readonly tabId: number | undefined;
}

/**
 * Returns the tabs the picker lists, window by window in tab order. It leaves out
 * tabs without an id, the picker's own tab and other pages of the extension, such
 * as detached views, which make no requests worth recording.
 */
export function tabChoices(
  tabs: readonly OpenTab[],
  page: PickerPage,
): TabChoice[] {
  const choices: { tab: OpenTab; choice: TabChoice }[] = [];
  for (const tab of tabs) {
    const tabId = tab.id;
    if (tabId === undefined || tabId === page.tabId) continue;
    const url = nonEmpty(tab.url);
    if (url !== null && isOwnPage(url, page.origin)) continue;
    choices.push({ tab, choice: { tabId, title: nonEmpty(tab.title), url } });
  }
  choices.sort(
    (a, b) =>
      (a.tab.windowId ?? 0) - (b.tab.windowId ?? 0) ||
      a.tab.index - b.tab.index,
  );
  return choices.map(({ choice }) => choice);
}

function nonEmpty(text: string | undefined): string | null {
  return text === undefined || text === "" ? null : text;
}

function isOwnPage(url: string, origin: string): boolean {
  return url === origin || url.startsWith(`${origin}/`);
}
