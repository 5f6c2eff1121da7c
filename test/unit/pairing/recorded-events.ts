import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RecordAssembler } from "../../../src/background/record-assembler";
import type { WebRequestEvent } from "../../../src/background/web-request-details";
import type { RequestRecord } from "../../../src/model/request-record";

/** A webRequest event sequence recorded from a real browser. */
export interface RecordedEvents {
  readonly browser: string;
  readonly pageOrigin: string;
  readonly apiOrigin: string;
  readonly events: readonly WebRequestEvent[];
}

export function loadRecordedEvents(
  folder: string,
  name: string,
): RecordedEvents {
  const path = join("test/fixtures", folder, `${name}.json`);
  return JSON.parse(readFileSync(path, "utf8")) as RecordedEvents;
}

/** Replays events through a record assembler and returns the final record of each request. */
export function replay(events: readonly WebRequestEvent[]): RequestRecord[] {
  const assembler = new RecordAssembler();
  const records = new Map<string, RequestRecord>();
  for (const event of events) {
    const record = assembler.apply(event);
    if (record !== null) records.set(record.id, record);
  }
  return [...records.values()];
}
