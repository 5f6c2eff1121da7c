/** The real-world regression cases of test/fixtures/real-world/cases.json. */

/** One case of test/fixtures/real-world/cases.json, rebuilt from a public report. */
export interface RealWorldCase {
  readonly id: string;
  readonly summary: string;
  readonly page_origin: string;
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    /** `include`, `same-origin`, or `unknown` when the report left it out. */
    readonly credentials: string;
  };
  readonly preflight: {
    readonly request_headers: Readonly<Record<string, string>>;
    readonly status: number;
    readonly response_headers: Readonly<Record<string, string>>;
  } | null;
  readonly actual: {
    readonly status: number;
    readonly response_headers: Readonly<Record<string, string>>;
  } | null;
  /** `chrome`, `firefox` or `unknown`. */
  readonly browser: string;
  readonly browser_message: string;
  readonly expected_verdict: "allowed" | "blocked";
  readonly expected_reason: string;
  readonly confidence: string;
}

type Fields = Readonly<Record<string, unknown>>;

function fieldsOf(value: unknown, where: string): Fields {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(
      `${where} must be an object, got ${JSON.stringify(value)}.`,
    );
  }
  return value as Fields;
}

function text(fields: Fields, name: string, where: string): string {
  const value = fields[name];
  if (typeof value !== "string") {
    throw new Error(`${where}.${name} must be a string.`);
  }
  return value;
}

function status(fields: Fields, where: string): number {
  const value = fields.status;
  if (typeof value !== "number") {
    throw new Error(`${where}.status must be a number.`);
  }
  return value;
}

function headerMap(
  fields: Fields,
  name: string,
  where: string,
): Record<string, string> {
  const map = fieldsOf(fields[name], `${where}.${name}`);
  const headers: Record<string, string> = {};
  for (const [header, value] of Object.entries(map)) {
    if (typeof value !== "string") {
      throw new Error(`${where}.${name}.${header} must be a string.`);
    }
    headers[header] = value;
  }
  return headers;
}

function verdict(fields: Fields, where: string): "allowed" | "blocked" {
  const value = fields.expected_verdict;
  if (value !== "allowed" && value !== "blocked") {
    throw new Error(`${where}.expected_verdict must be allowed or blocked.`);
  }
  return value;
}

/** Checks one parsed case of the fixture and returns it typed. */
function parseCase(value: unknown, index: number): RealWorldCase {
  const where = `case ${index}`;
  const fields = fieldsOf(value, where);
  const request = fieldsOf(fields.request, `${where}.request`);
  const preflight =
    fields.preflight === null
      ? null
      : fieldsOf(fields.preflight, `${where}.preflight`);
  const actual =
    fields.actual === null ? null : fieldsOf(fields.actual, `${where}.actual`);
  return {
    id: text(fields, "id", where),
    summary: text(fields, "summary", where),
    page_origin: text(fields, "page_origin", where),
    request: {
      method: text(request, "method", `${where}.request`),
      url: text(request, "url", `${where}.request`),
      headers: headerMap(request, "headers", `${where}.request`),
      credentials: text(request, "credentials", `${where}.request`),
    },
    preflight:
      preflight === null
        ? null
        : {
            request_headers: headerMap(
              preflight,
              "request_headers",
              `${where}.preflight`,
            ),
            status: status(preflight, `${where}.preflight`),
            response_headers: headerMap(
              preflight,
              "response_headers",
              `${where}.preflight`,
            ),
          },
    actual:
      actual === null
        ? null
        : {
            status: status(actual, `${where}.actual`),
            response_headers: headerMap(
              actual,
              "response_headers",
              `${where}.actual`,
            ),
          },
    browser: text(fields, "browser", where),
    browser_message: text(fields, "browser_message", where),
    expected_verdict: verdict(fields, where),
    expected_reason: text(fields, "expected_reason", where),
    confidence: text(fields, "confidence", where),
  };
}

/** Checks the parsed fixture file and returns its cases typed. */
export function parseRealWorldCases(value: unknown): RealWorldCase[] {
  if (!Array.isArray(value)) {
    throw new Error("The real-world fixture must be a JSON array of cases.");
  }
  return value.map(parseCase);
}
