import { createReadStream } from "node:fs";
import {
  checkHarSkeleton,
  HAR_ENTRIES_PATH,
  HarFormatError,
  importHarEntries,
  JsonSyntaxError,
  readHarEntry,
} from "../har/import-har";
import { JsonScanner, type TextLocation } from "../har/json-scanner";
import type { HarEntryFacts } from "../har/read-har-entry";
import type { Exchange } from "../model/exchange";
import {
  checkReportSkeleton,
  exchangeFromReport,
  REPORT_EXCHANGES_PATH,
  ReportFormatError,
} from "../report/read-json-report";
import { CliError } from "./cli-error";

/** The exchanges of an input file, and what kind of file it was. */
export interface InputExchanges {
  readonly kind: "har" | "report";
  readonly exchanges: readonly Exchange[];
}

/** Chunk size of the file stream: large enough that scanning, not reading, dominates. */
const READ_CHUNK_BYTES = 1 << 20;

/**
 * Reads a HAR file or a CORS Lens JSON report in chunks. Each HAR entry or report
 * exchange is parsed on its own and only the facts the analysis needs are kept, so
 * files larger than the longest string Node allows can be read. Throws CliError naming
 * the file, and the line and column for JSON syntax errors.
 */
export async function readInputExchanges(
  path: string,
): Promise<InputExchanges> {
  const harEntries: HarEntryFacts[] = [];
  const reportExchanges: Exchange[] = [];
  const scanner = new JsonScanner({
    capturedArrays: [HAR_ENTRIES_PATH, REPORT_EXCHANGES_PATH],
    onElement: ({ path: arrayPath, value, location }) => {
      try {
        if (arrayPath === HAR_ENTRIES_PATH.join(".")) {
          harEntries.push(readHarEntry(value, harEntries.length));
        } else {
          reportExchanges.push(
            exchangeFromReport(value, reportExchanges.length),
          );
        }
      } catch (error) {
        if (isFormatError(error)) {
          throw new ElementFormatError(error.message, location);
        }
        throw error;
      }
    },
  });

  try {
    const stream = createReadStream(path, {
      encoding: "utf8",
      highWaterMark: READ_CHUNK_BYTES,
    });
    for await (const chunk of stream) {
      scanner.push(chunk as string);
    }
    const skeleton = JSON.parse(scanner.end()) as unknown;
    return toInputExchanges(skeleton, harEntries, reportExchanges);
  } catch (error) {
    throw inputError(path, error);
  }
}

function toInputExchanges(
  skeleton: unknown,
  harEntries: readonly HarEntryFacts[],
  reportExchanges: readonly Exchange[],
): InputExchanges {
  const isObject = typeof skeleton === "object" && skeleton !== null;
  if (isObject && "log" in skeleton) {
    checkHarSkeleton(skeleton);
    return { kind: "har", exchanges: importHarEntries(harEntries).exchanges };
  }
  if (isObject && ("exchanges" in skeleton || "tool" in skeleton)) {
    checkReportSkeleton(skeleton);
    return { kind: "report", exchanges: reportExchanges };
  }
  throw new CliError(
    'not a HAR file (no "log.entries") nor a CORS Lens JSON report (no "exchanges")',
  );
}

/** An entry or exchange that is valid JSON but not what the format requires. */
class ElementFormatError extends Error {
  constructor(
    message: string,
    readonly location: TextLocation,
  ) {
    super(message);
    this.name = "ElementFormatError";
  }
}

function isFormatError(error: unknown): error is Error {
  return error instanceof HarFormatError || error instanceof ReportFormatError;
}

/** Turns any failure to read or parse the file into a one-line CliError. */
function inputError(path: string, error: unknown): CliError {
  if (error instanceof JsonSyntaxError) {
    const { line, column } = error.location;
    return new CliError(
      `${path}:${line}:${column}: invalid JSON: ${error.problem}`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof ElementFormatError) {
    const { line, column } = error.location;
    return new CliError(`${path}:${line}:${column}: ${error.message}`, {
      cause: error,
    });
  }
  if (isFormatError(error) || error instanceof CliError) {
    return new CliError(`${path}: ${error.message}`, { cause: error });
  }
  const code = systemErrorCode(error);
  if (code !== null) {
    return new CliError(`${path}: ${describeFileError(code)}`, {
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CliError(`${path}: cannot be read: ${message}`, { cause: error });
}

function systemErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("code" in error)) {
    return null;
  }
  return typeof error.code === "string" ? error.code : null;
}

function describeFileError(code: string): string {
  switch (code) {
    case "ENOENT":
      return "file not found";
    case "EISDIR":
      return "is a directory, not a file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return `cannot be read (${code})`;
  }
}
