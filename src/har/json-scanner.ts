/** A position in a text: 1-based line and column (in UTF-16 code units). */
export interface TextLocation {
  readonly line: number;
  readonly column: number;
}

/** Invalid JSON, with the position of the first character that is wrong. */
export class JsonSyntaxError extends Error {
  constructor(
    /** The error message without the position. */
    readonly problem: string,
    readonly location: TextLocation,
  ) {
    super(`${problem} at line ${location.line}, column ${location.column}`);
    this.name = "JsonSyntaxError";
  }
}

/** One element of a captured array, parsed. */
export interface CapturedElement {
  /** The array's path of object keys, joined with `.` (`log.entries`). */
  readonly path: string;
  readonly value: unknown;
  /** The element's start position in the whole document. */
  readonly location: TextLocation;
}

export interface JsonScannerOptions {
  /** Paths of arrays, as object keys from the root, whose elements are captured. */
  readonly capturedArrays: readonly (readonly string[])[];
  /** Receives each captured element as soon as it is complete. */
  readonly onElement: (element: CapturedElement) => void;
}

type ContainerState =
  | "key-or-close"
  | "key"
  | "colon"
  | "value"
  | "value-or-close"
  | "comma-or-close";

interface Container {
  readonly kind: "object" | "array";
  state: ContainerState;
  /** The key whose value comes next, when the path is tracked. */
  key: string | null;
  /** Object keys from the root, or null below the depth any captured path reaches. */
  readonly path: readonly string[] | null;
  readonly captures: boolean;
}

/**
 * The token the scanner is in the middle of. `skim` is an object or array element of a
 * captured array, where only its end is looked for and JSON.parse validates it.
 */
type Token = "none" | "string" | "number" | "literal" | "skim";

const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
const LITERALS = new Set(["true", "false", "null"]);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/** The next character that ends or interrupts a run of plain string characters. */
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings.
const STRING_SPECIAL = /["\\\u0000-\u001f]/g;

/**
 * Validates a JSON document given in chunks and hands out the elements of chosen
 * arrays one by one, parsed. Only one element is held at a time, so a document much
 * larger than memory, or than the longest string the runtime allows, can be read.
 * Every other part of the document is kept as the skeleton, where each captured array
 * is left empty. Syntax errors are thrown as JsonSyntaxError with their line and
 * column.
 *
 * For speed, an object or array element is only skimmed for its end and then given to
 * JSON.parse. When JSON.parse rejects it, the element is scanned again character by
 * character to find where the error is.
 */
export class JsonScanner {
  readonly #captured: ReadonlySet<string>;
  readonly #maxPathLength: number;
  readonly #onElement: (element: CapturedElement) => void;

  readonly #stack: Container[] = [];
  #topState: "value" | "end" = "value";

  #token: Token = "none";
  #tokenText = "";
  #stringIsKey = false;
  #escape = false;
  #unicodeDigits = -1;

  #skimDepth = 0;
  #skimInString = false;
  /** Position of the next backslash in the current chunk, or its length when none. */
  #nextBackslash = -1;

  #skeleton: string[] = [];
  #skeletonStart: number | null = 0;

  #capturing = false;
  #captureParts: string[] = [];
  #captureStart = 0;
  #captureDepth = 0;
  #capturePath = "";
  #captureLocation: TextLocation = { line: 1, column: 1 };

  #chunkOffset = 0;
  #line = 1;
  #lineStart = 0;
  #started = false;

  constructor(options: JsonScannerOptions) {
    this.#captured = new Set(
      options.capturedArrays.map((path) => path.join(".")),
    );
    this.#maxPathLength = Math.max(
      0,
      ...options.capturedArrays.map((path) => path.length),
    );
    this.#onElement = options.onElement;
  }

  /** Scans the next chunk of the document. */
  push(chunk: string): void {
    let index = 0;
    this.#nextBackslash = -1;
    if (!this.#started && chunk.length > 0) {
      this.#started = true;
      // A byte order mark may precede the document (RFC 8259 section 8.1).
      if (chunk.charCodeAt(0) === 0xfeff) {
        index = 1;
        this.#skeletonStart = 1;
      }
    }
    while (index < chunk.length) {
      index = this.#step(chunk, index);
    }
    this.#flushChunk(chunk);
    this.#chunkOffset += chunk.length;
  }

  /**
   * Ends the document and returns its skeleton: the JSON text with every captured
   * array emptied. Throws JsonSyntaxError when the document is incomplete.
   */
  end(): string {
    if (this.#token === "number" || this.#token === "literal") {
      this.#finishBareToken("", 0);
    }
    if (this.#token === "string" || this.#skimInString) {
      throw this.#error(
        "Unexpected end of the document inside a string (it is truncated)",
        0,
      );
    }
    if (
      this.#token === "skim" ||
      this.#stack.length > 0 ||
      this.#topState !== "end"
    ) {
      throw this.#error("Unexpected end of the document (it is truncated)", 0);
    }
    return this.#skeleton.join("");
  }

  /** Processes the character at `index` (and, inside strings, the ones after it). */
  #step(chunk: string, index: number): number {
    switch (this.#token) {
      case "string":
        return this.#scanString(chunk, index);
      case "number":
      case "literal":
        return this.#scanBareToken(chunk, index);
      case "skim":
        return this.#skim(chunk, index);
      case "none":
        return this.#scanStructure(chunk, index);
    }
  }

  #scanStructure(chunk: string, index: number): number {
    const code = chunk.charCodeAt(index);
    switch (code) {
      case 0x20:
      case 0x09:
      case 0x0d:
        return index + 1;
      case NEWLINE:
        this.#line += 1;
        this.#lineStart = this.#chunkOffset + index + 1;
        return index + 1;
      case 0x7b: // {
      case 0x5b: // [
        this.#expectValue(chunk, index);
        if (this.#capturing && this.#stack.length === this.#captureDepth) {
          this.#token = "skim";
          this.#skimDepth = 1;
          this.#skimInString = false;
          this.#escape = false;
          return index + 1;
        }
        this.#open(code === 0x7b ? "object" : "array", chunk, index);
        return index + 1;
      case 0x7d: // }
      case 0x5d: // ]
        this.#close(code === 0x7d ? "object" : "array", chunk, index);
        return index + 1;
      case 0x3a: // :
        this.#colon(index);
        return index + 1;
      case 0x2c: // ,
        this.#comma(index);
        return index + 1;
      case QUOTE: {
        const container = this.#top();
        const isKey =
          container?.kind === "object" &&
          (container.state === "key-or-close" || container.state === "key");
        if (!isKey) this.#expectValue(chunk, index);
        this.#stringIsKey = isKey;
        this.#token = "string";
        this.#tokenText = "";
        this.#escape = false;
        this.#unicodeDigits = -1;
        if (this.#needsTokenText()) this.#tokenText = '"';
        return index + 1;
      }
      default:
        if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
          this.#expectValue(chunk, index);
          this.#token = "number";
          this.#tokenText = "";
          return this.#scanBareToken(chunk, index);
        }
        if (code >= 0x61 && code <= 0x7a) {
          this.#expectValue(chunk, index);
          this.#token = "literal";
          this.#tokenText = "";
          return this.#scanBareToken(chunk, index);
        }
        throw this.#error(
          `Unexpected character ${describeCharacter(chunk, index)}`,
          index,
        );
    }
  }

  #scanString(chunk: string, start: number): number {
    let index = start;
    while (index < chunk.length) {
      if (this.#unicodeDigits >= 0) {
        if (!isHexDigit(chunk.charCodeAt(index))) {
          throw this.#error("Invalid \\u escape in a string", index);
        }
        this.#unicodeDigits += 1;
        if (this.#unicodeDigits === 4) this.#unicodeDigits = -1;
        index += 1;
        continue;
      }
      if (this.#escape) {
        this.#escape = false;
        const escaped = chunk.charAt(index);
        if (escaped === "u") this.#unicodeDigits = 0;
        else if (!'"\\/bfnrt'.includes(escaped)) {
          throw this.#error(`Invalid escape \\${escaped} in a string`, index);
        }
        index += 1;
        continue;
      }
      STRING_SPECIAL.lastIndex = index;
      const special = STRING_SPECIAL.exec(chunk);
      if (special === null) {
        index = chunk.length;
        break;
      }
      index = special.index;
      const code = chunk.charCodeAt(index);
      if (code === QUOTE) {
        if (this.#needsTokenText()) {
          this.#tokenText += chunk.slice(start, index + 1);
        }
        this.#finishString(chunk, index);
        return index + 1;
      }
      if (code === BACKSLASH) {
        this.#escape = true;
        index += 1;
        continue;
      }
      throw this.#error(
        "Unescaped control character in a string (is the string unterminated?)",
        index,
      );
    }
    if (this.#needsTokenText()) this.#tokenText += chunk.slice(start);
    return index;
  }

  /**
   * Looks for the end of a captured object or array element, following only brackets
   * and strings. Newlines outside strings are counted for later positions.
   */
  #skim(chunk: string, start: number): number {
    let index = start;
    const length = chunk.length;
    while (index < length) {
      if (this.#skimInString) {
        if (this.#escape) {
          this.#escape = false;
          index += 1;
          continue;
        }
        const quote = chunk.indexOf('"', index);
        if (this.#nextBackslash < index) {
          const backslash = chunk.indexOf("\\", index);
          this.#nextBackslash = backslash < 0 ? length : backslash;
        }
        if (
          this.#nextBackslash < length &&
          (quote < 0 || this.#nextBackslash < quote)
        ) {
          this.#escape = true;
          index = this.#nextBackslash + 1;
          continue;
        }
        if (quote < 0) return length;
        this.#skimInString = false;
        index = quote + 1;
        continue;
      }
      const code = chunk.charCodeAt(index);
      if (code === QUOTE) {
        this.#skimInString = true;
      } else if (code === NEWLINE) {
        this.#line += 1;
        this.#lineStart = this.#chunkOffset + index + 1;
      } else if (code === 0x7b || code === 0x5b) {
        this.#skimDepth += 1;
      } else if (code === 0x7d || code === 0x5d) {
        this.#skimDepth -= 1;
        if (this.#skimDepth === 0) {
          this.#token = "none";
          this.#valueDone(chunk, index + 1);
          return index + 1;
        }
      }
      index += 1;
    }
    return index;
  }

  #finishString(chunk: string, index: number): void {
    this.#token = "none";
    if (!this.#stringIsKey) {
      this.#valueDone(chunk, index + 1);
      return;
    }
    const container = this.#top();
    if (container === undefined) return;
    container.key =
      container.path === null || this.#tokenText === ""
        ? null
        : (JSON.parse(this.#tokenText) as string);
    container.state = "colon";
    this.#tokenText = "";
  }

  /** Object keys are decoded only where a captured path may still start. */
  #needsTokenText(): boolean {
    if (!this.#stringIsKey) return false;
    const container = this.#top();
    return (
      container !== undefined &&
      container.path !== null &&
      container.path.length < this.#maxPathLength
    );
  }

  #scanBareToken(chunk: string, start: number): number {
    let index = start;
    const isNumber = this.#token === "number";
    while (index < chunk.length) {
      const code = chunk.charCodeAt(index);
      const part = isNumber
        ? (code >= 0x30 && code <= 0x39) ||
          code === 0x2d ||
          code === 0x2b ||
          code === 0x2e ||
          code === 0x65 ||
          code === 0x45
        : code >= 0x61 && code <= 0x7a;
      if (!part) break;
      index += 1;
    }
    this.#tokenText += chunk.slice(start, index);
    if (index < chunk.length) this.#finishBareToken(chunk, index);
    return index;
  }

  #finishBareToken(chunk: string, endIndex: number): void {
    const text = this.#tokenText;
    const valid =
      this.#token === "number" ? NUMBER.test(text) : LITERALS.has(text);
    if (!valid) {
      const kind = this.#token === "number" ? "number" : "value";
      throw this.#error(
        `Invalid ${kind} ${JSON.stringify(text.slice(0, 40))}`,
        endIndex - text.length,
      );
    }
    this.#token = "none";
    this.#tokenText = "";
    this.#valueDone(chunk, endIndex);
  }

  #expectValue(chunk: string, index: number): void {
    const container = this.#top();
    if (container === undefined) {
      if (this.#topState !== "value") {
        throw this.#error(
          `Unexpected ${describeCharacter(chunk, index)} after the end of the document`,
          index,
        );
      }
      return;
    }
    const expected =
      container.state === "value" || container.state === "value-or-close";
    if (!expected) {
      throw this.#error(
        `Unexpected ${describeCharacter(chunk, index)}: ${expectationText(container)}`,
        index,
      );
    }
    if (container.captures && !this.#capturing) {
      this.#capturing = true;
      this.#captureParts = [];
      this.#captureStart = index;
      this.#captureDepth = this.#stack.length;
      this.#capturePath = container.path?.join(".") ?? "";
      this.#captureLocation = this.#locationOf(index);
    }
  }

  #open(kind: "object" | "array", chunk: string, index: number): void {
    const parent = this.#top();
    let path: readonly string[] | null = null;
    if (parent === undefined) path = [];
    else if (
      parent.kind === "object" &&
      parent.path !== null &&
      parent.key !== null &&
      parent.path.length < this.#maxPathLength
    ) {
      path = [...parent.path, parent.key];
    }
    const captures =
      kind === "array" &&
      path !== null &&
      !this.#capturing &&
      this.#captured.has(path.join("."));
    this.#stack.push({
      kind,
      state: kind === "object" ? "key-or-close" : "value-or-close",
      key: null,
      path,
      captures,
    });
    if (captures && this.#skeletonStart !== null) {
      this.#skeleton.push(chunk.slice(this.#skeletonStart, index + 1));
      this.#skeletonStart = null;
    }
  }

  #close(kind: "object" | "array", chunk: string, index: number): void {
    const container = this.#top();
    const closeAllowed =
      container !== undefined &&
      container.kind === kind &&
      (container.state === "comma-or-close" ||
        container.state ===
          (kind === "object" ? "key-or-close" : "value-or-close"));
    if (container === undefined || !closeAllowed) {
      const problem =
        container === undefined
          ? `Unexpected ${describeCharacter(chunk, index)}: nothing is open`
          : `Unexpected ${describeCharacter(chunk, index)}: ${expectationText(container)}`;
      throw this.#error(problem, index);
    }
    this.#stack.pop();
    if (container.captures) this.#skeletonStart = index;
    this.#valueDone(chunk, index + 1);
  }

  #colon(index: number): void {
    const container = this.#top();
    if (container?.kind !== "object" || container.state !== "colon") {
      throw this.#error(
        `Unexpected ":"${container === undefined ? "" : `: ${expectationText(container)}`}`,
        index,
      );
    }
    container.state = "value";
  }

  #comma(index: number): void {
    const container = this.#top();
    if (container === undefined || container.state !== "comma-or-close") {
      throw this.#error(
        `Unexpected ","${container === undefined ? " after the end of the document" : `: ${expectationText(container)}`}`,
        index,
      );
    }
    container.state = container.kind === "object" ? "key" : "value";
    if (container.kind === "object") container.key = null;
  }

  /** Marks the value that ends just before `endIndex` as complete. */
  #valueDone(chunk: string, endIndex: number): void {
    const container = this.#top();
    if (container === undefined) this.#topState = "end";
    else container.state = "comma-or-close";

    if (this.#capturing && this.#stack.length === this.#captureDepth) {
      this.#captureParts.push(chunk.slice(this.#captureStart, endIndex));
      const text = this.#captureParts.join("");
      this.#capturing = false;
      this.#captureParts = [];
      const location = this.#captureLocation;
      this.#onElement({
        path: this.#capturePath,
        value: parseElement(text, location),
        location,
      });
    }
  }

  /** Keeps the parts of a capture or of the skeleton that run past this chunk. */
  #flushChunk(chunk: string): void {
    if (this.#capturing) {
      this.#captureParts.push(chunk.slice(this.#captureStart));
      this.#captureStart = 0;
    }
    if (this.#skeletonStart !== null) {
      this.#skeleton.push(chunk.slice(this.#skeletonStart));
      this.#skeletonStart = 0;
    }
  }

  #top(): Container | undefined {
    return this.#stack[this.#stack.length - 1];
  }

  #locationOf(index: number): TextLocation {
    const offset = this.#chunkOffset + index;
    return { line: this.#line, column: offset - this.#lineStart + 1 };
  }

  #error(problem: string, index: number): JsonSyntaxError {
    return new JsonSyntaxError(problem, this.#locationOf(index));
  }
}

/**
 * Parses a skimmed element. When JSON.parse rejects it, scans it again to throw a
 * JsonSyntaxError at the error's position in the whole document.
 */
function parseElement(text: string, start: TextLocation): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const validator = new JsonScanner({
      capturedArrays: [],
      onElement: () => {},
    });
    try {
      validator.push(text);
      validator.end();
    } catch (located) {
      if (located instanceof JsonSyntaxError) {
        const { line, column } = located.location;
        throw new JsonSyntaxError(located.problem, {
          line: start.line + line - 1,
          column: line === 1 ? start.column + column - 1 : column,
        });
      }
      throw located;
    }
    // JSON.parse and the scanner disagree; report JSON.parse's reason here.
    const reason = error instanceof Error ? error.message : String(error);
    throw new JsonSyntaxError(reason, start);
  }
}

function isHexDigit(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x46) ||
    (code >= 0x61 && code <= 0x66)
  );
}

function describeCharacter(chunk: string, index: number): string {
  return JSON.stringify(chunk.charAt(index));
}

function expectationText(container: Container): string {
  switch (container.state) {
    case "key-or-close":
      return 'expected a property name in double quotes or "}"';
    case "key":
      return "expected a property name in double quotes";
    case "colon":
      return 'expected ":" after the property name';
    case "value":
      return "expected a value";
    case "value-or-close":
      return 'expected a value or "]"';
    case "comma-or-close":
      return container.kind === "object"
        ? 'expected "," or "}"'
        : 'expected "," or "]"';
  }
}
