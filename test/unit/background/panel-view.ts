import type { CaptureOptions } from "../../../src/messaging/capture-options";
import type { BackgroundToPageMessage } from "../../../src/messaging/port-protocol";
import type { RequestRecord } from "../../../src/model/request-record";

/** Creates a panel of one tab, which folds the background's messages as the panel does. */
export function panelView() {
  const records = new Map<string, RequestRecord>();
  const messages: BackgroundToPageMessage[] = [];
  let options: CaptureOptions | undefined;
  let dropped = 0;
  const receive = (message: BackgroundToPageMessage) => {
    messages.push(message);
    switch (message.type) {
      case "snapshot":
        records.clear();
        for (const record of message.records) records.set(record.id, record);
        dropped = message.dropped ?? 0;
        options = message.options;
        break;
      case "records":
        for (const id of message.removed ?? []) records.delete(id);
        for (const record of message.records) records.set(record.id, record);
        dropped = message.dropped ?? dropped;
        break;
      case "cleared":
        records.clear();
        dropped = 0;
        break;
      case "options":
        options = message.options;
        break;
    }
  };
  return {
    records,
    messages,
    receive,
    options: () => options,
    dropped: () => dropped,
    /** Returns the URLs of the recorded requests, preflights included, sorted. */
    urls: () => [...records.values()].map((record) => record.url).sort(),
  };
}
