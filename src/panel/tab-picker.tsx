import { useEffect, useState } from "preact/hooks";
import type { TabChoice } from "./tab-choices";
import "./tab-picker.css";

interface TabPickerProps {
  /** Address of this page without its query, for the example of a direct link. */
  readonly pageUrl: string;
  readonly listTabs: () => Promise<TabChoice[]>;
  /**
   * Calls `onChange` whenever the open tabs change, and returns the function that
   * stops it.
   */
  readonly watchTabs: (onChange: () => void) => () => void;
}

type TabList =
  | { readonly state: "loading" }
  | { readonly state: "listed"; readonly choices: readonly TabChoice[] }
  | { readonly state: "failed"; readonly message: string };

/**
 * Renders the page shown when the panel has no tab (opened outside DevTools without
 * `?tabId=`): the open tabs, each a link to the detached view of that tab.
 */
export function TabPicker({ pageUrl, listTabs, watchTabs }: TabPickerProps) {
  const list = useOpenTabs(listTabs, watchTabs);
  return (
    <main
      class="tab-picker"
      data-testid="tab-picker"
      aria-labelledby="tab-picker-heading"
    >
      <h1 id="tab-picker-heading">Choose a tab to inspect</h1>
      <p>
        CORS Lens shows the cross-origin requests of one tab and records them
        while this view, or DevTools with the <strong>CORS</strong> panel, is
        open on it. After choosing a tab, reload it or repeat the action to
        record its requests.
      </p>
      <TabChoices list={list} />
      <p class="tab-picker-note">
        To open the view of a tab directly, add its id to this page's address:{" "}
        <code>{`${pageUrl}?tabId=123`}</code>
      </p>
    </main>
  );
}

function TabChoices({ list }: { readonly list: TabList }) {
  if (list.state === "loading") {
    return <p role="status">Listing the open tabs…</p>;
  }
  if (list.state === "failed") {
    return (
      <p class="tab-picker-error" role="alert">
        Could not list the open tabs: {list.message}
      </p>
    );
  }
  if (list.choices.length === 0) {
    return (
      <p role="status">
        No other tab is open. Open the page to inspect in a new tab, and it
        appears here.
      </p>
    );
  }
  return (
    <ul class="tab-choices" aria-label="Open tabs">
      {list.choices.map((choice) => (
        <li key={choice.tabId}>
          <a
            class="tab-choice"
            href={`?tabId=${choice.tabId}`}
            data-testid="tab-choice"
            data-tab-id={choice.tabId}
          >
            <span class="tab-choice-title">
              {choice.title ?? choice.url ?? `Tab ${choice.tabId}`}
            </span>
            <span class="tab-choice-url">
              {choice.url ?? "Address not available to extensions"}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Lists the open tabs, and lists them again whenever they change. */
function useOpenTabs(
  listTabs: () => Promise<TabChoice[]>,
  watchTabs: (onChange: () => void) => () => void,
): TabList {
  const [list, setList] = useState<TabList>({ state: "loading" });
  useEffect(() => {
    // The result of a slow listing must not replace that of a later refresh.
    let latestRequest = 0;
    const refresh = () => {
      const request = ++latestRequest;
      listTabs().then(
        (choices) => {
          if (request === latestRequest) setList({ state: "listed", choices });
        },
        (error: unknown) => {
          if (request === latestRequest) {
            setList({ state: "failed", message: String(error) });
          }
        },
      );
    };
    refresh();
    const stopWatching = watchTabs(refresh);
    return () => {
      latestRequest = -1;
      stopWatching();
    };
  }, [listTabs, watchTabs]);
  return list;
}
