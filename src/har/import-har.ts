import type { Exchange } from "../model/exchange";
import type { RequestRecord } from "../model/request-record";
import { exchangesFromHarRecords } from "./har-exchanges";
import { recordsFromHarEntries } from "./har-records";
import { JsonScanner } from "./json-scanner";
import {
  HarFormatError,
  readHarEntry,
  type HarEntryFacts,
} from "./read-har-entry";

export { HarFormatError, readHarEntry } from "./read-har-entry";
export { JsonSyntaxError } from "./json-scanner";

/** The path of the entries array in a HAR document. */
export const HAR_ENTRIES_PATH = ["log", "entries"] as const;

/** The requests of a HAR file, paired into exchanges as live capture would pair them. */
export interface ImportedHar {
  readonly records: readonly RequestRecord[];
  readonly exchanges: readonly Exchange[];
}

/**
 * Checks the parts of a HAR document other than its entries (the skeleton, where the
 * entries array is empty). Throws HarFormatError when it is not a HAR log.
 */
export function checkHarSkeleton(skeleton: unknown): void {
  if (typeof skeleton !== "object" || skeleton === null) {
    throw new HarFormatError("the document is not a JSON object");
  }
  const log = (skeleton as Record<string, unknown>)["log"];
  if (typeof log !== "object" || log === null || Array.isArray(log)) {
    throw new HarFormatError('it has no "log" object, so it is not a HAR file');
  }
  const entries = (log as Record<string, unknown>)["entries"];
  if (!Array.isArray(entries)) {
    throw new HarFormatError('"log.entries" is missing or not a list');
  }
}

/** Turns the entries of a HAR log into records and exchanges. */
export function importHarEntries(
  entries: readonly HarEntryFacts[],
): ImportedHar {
  const { records, preflightLinks } = recordsFromHarEntries(entries);
  return {
    records,
    exchanges: exchangesFromHarRecords(records, preflightLinks),
  };
}

/**
 * Imports a HAR document given as text. Throws JsonSyntaxError (with line and column)
 * for invalid JSON and HarFormatError for JSON that is not a usable HAR log.
 */
export function importHarText(text: string): ImportedHar {
  const entries: HarEntryFacts[] = [];
  const scanner = new JsonScanner({
    capturedArrays: [HAR_ENTRIES_PATH],
    onElement: (element) => {
      entries.push(readHarEntry(element.value, entries.length));
    },
  });
  scanner.push(text);
  checkHarSkeleton(JSON.parse(scanner.end()) as unknown);
  return importHarEntries(entries);
}
