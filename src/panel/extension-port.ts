import browser from "webextension-polyfill";
import type { PagePort } from "./background-connection";

/** Opens a `runtime.connect` port to the background, shaped as a `PagePort`. */
export function connectExtensionPort(name: string): PagePort {
  const port = browser.runtime.connect({ name });
  return {
    postMessage: (message) => port.postMessage(message),
    disconnect: () => port.disconnect(),
    onMessage: {
      addListener: (listener) =>
        port.onMessage.addListener((message: unknown) => listener(message)),
    },
    onDisconnect: {
      addListener: (listener) =>
        port.onDisconnect.addListener((closed) => {
          // Chrome reports the reason in runtime.lastError and logs it as unchecked
          // unless the listener reads it; Firefox sets port.error.
          const reason =
            closed.error?.message ?? browser.runtime.lastError?.message;
          if (reason !== undefined) {
            console.warn(`CORS Lens: background port closed: ${reason}`);
          }
          listener();
        }),
    },
  };
}
