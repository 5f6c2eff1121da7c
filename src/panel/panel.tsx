import { render } from "preact";
import browser from "webextension-polyfill";
import { analyzeExchange } from "../analyzer/analyze-exchange";
import { pairExchanges } from "../pairing/pair-exchanges";
import { CAPTURES_IN_DEVTOOLS } from "../devtools/capture-location";
import { App } from "./app";
import { connectToBackground } from "./background-connection";
import {
  hasCapturePermission,
  requestCapturePermission,
} from "./capture-permission";
import { devtoolsCapturePort } from "./devtools-capture-port";
import { followDevtoolsTheme } from "./devtools-theme";
import { createExchangeStore } from "./exchange-store";
import { connectExtensionPort } from "./extension-port";
import { importHarText } from "../har/import-har";
import { createImportedStore } from "./imported-store";
import { findInspectedTab, type InspectedTab } from "./inspected-tab";
import { listOpenTabs, watchOpenTabs } from "./open-tabs";
import { createEntryPairing } from "./pair-entries";
import { saveExport } from "./panel-export";
import { PermissionRequest } from "./permission-request";
import { TabPicker } from "./tab-picker";
import { throttledFrame } from "./throttled-frame";

/** The live list is updated at most this often while requests stream in. */
const UPDATE_INTERVAL_MS = 250;

const root = document.getElementById("app");
if (root === null) throw new Error("panel.html has no #app element");
followDevtoolsTheme(document.documentElement);

/** Shows the live capture of one tab, from the devtools page or the background. */
function showCapture(root: HTMLElement, inspected: InspectedTab): void {
  const store = createExchangeStore({
    pairExchanges,
    pairEntries: createEntryPairing(),
    analyzeExchange: (exchange) => analyzeExchange(exchange),
    requestFrame: throttledFrame(UPDATE_INTERVAL_MS, {
      requestFrame: (callback) => requestAnimationFrame(callback),
      now: () => performance.now(),
      setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
    }),
  });
  const inDevtools = CAPTURES_IN_DEVTOOLS && !inspected.detached;
  const connection = connectToBackground({
    role: "panel",
    tabId: inspected.tabId,
    connect: inDevtools
      ? devtoolsCapturePort(inspected.tabId)
      : connectExtensionPort,
    onMessage: store.receive,
    onStateChange: store.setConnectionState,
  });
  addEventListener("pagehide", () => connection.close());
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

/** Shows the tab picker, or the detached view of the `?tabId=` tab. */
function showDetached(root: HTMLElement, inspected: InspectedTab | null): void {
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
    showCapture(root, inspected);
  }
}

const inspected = findInspectedTab(location.search);
if (inspected !== null && !inspected.detached) {
  showCapture(root, inspected);
} else if (!CAPTURES_IN_DEVTOOLS) {
  showDetached(root, inspected);
} else {
  hasCapturePermission().then(
    (granted) => {
      if (granted) {
        showDetached(root, inspected);
        return;
      }
      render(
        <PermissionRequest
          request={requestCapturePermission}
          onGranted={() => {
            // The background starts listening once Chrome reports the grant.
            render(null, root);
            showDetached(root, inspected);
          }}
        />,
        root,
      );
    },
    (error: unknown) => {
      console.error("CORS Lens: checking the permissions failed", error);
      showDetached(root, inspected);
    },
  );
}
