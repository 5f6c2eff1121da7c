import { render } from "preact";
import browser from "webextension-polyfill";
import { analyzeExchange } from "../analyzer/analyze-exchange";
import { pairExchanges } from "../pairing/pair-exchanges";
import { App } from "./app";
import { connectToBackground } from "./background-connection";
import { followDevtoolsTheme } from "./devtools-theme";
import { createExchangeStore } from "./exchange-store";
import { connectExtensionPort } from "./extension-port";
import { importHarText } from "../har/import-har";
import { createImportedStore } from "./imported-store";
import { findInspectedTab } from "./inspected-tab";
import { listOpenTabs, watchOpenTabs } from "./open-tabs";
import { saveExport } from "./panel-export";
import { TabPicker } from "./tab-picker";
import { throttledFrame } from "./throttled-frame";

/** The live list is updated at most this often while requests stream in. */
const UPDATE_INTERVAL_MS = 250;

const root = document.getElementById("app");
if (root === null) throw new Error("panel.html has no #app element");
followDevtoolsTheme(document.documentElement);

const inspected = findInspectedTab(location.search);
if (inspected === null) {
  render(
    <TabPicker
      pageUrl={`${location.origin}${location.pathname}`}
      listTabs={listOpenTabs}
      watchTabs={watchOpenTabs}
    />,
    root,
  );
} else {
  const store = createExchangeStore({
    pairExchanges,
    analyzeExchange: (exchange) => analyzeExchange(exchange),
    requestFrame: throttledFrame(UPDATE_INTERVAL_MS, {
      requestFrame: (callback) => requestAnimationFrame(callback),
      now: () => performance.now(),
      setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
    }),
  });
  const connection = connectToBackground({
    role: "panel",
    tabId: inspected.tabId,
    connect: connectExtensionPort,
    onMessage: store.receive,
    onStateChange: store.setConnectionState,
  });
  const toolVersion = browser.runtime.getManifest().version;
  render(
    <App
      store={store}
      tabLabel={
        inspected.detached
          ? `Detached view of tab ${inspected.tabId}`
          : `Tab ${inspected.tabId}`
      }
      onClear={() => connection.send({ type: "clear" })}
      onExport={(request) => saveExport(request, toolVersion)}
      openHar={async (file) =>
        createImportedStore(importHarText(await file.text()), (exchange) =>
          analyzeExchange(exchange),
        )
      }
    />,
    root,
  );
}
