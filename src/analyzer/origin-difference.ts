/** Parts of an origin-like string, or null when it does not parse as a URL. */
interface OriginParts {
  readonly scheme: string;
  readonly host: string;
  /** The port as written, or "" when the string names none. */
  readonly writtenPort: string;
  /** The port after URL parsing, which drops a scheme's default port. */
  readonly port: string;
  readonly hasPath: boolean;
}

function parseOrigin(value: string): OriginParts | null {
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  const authority = /^[^:]+:\/\/([^/?#]*)/.exec(value)?.[1] ?? "";
  if (authority === "") return null;
  const writtenPort = /:(\d+)$/.exec(authority)?.[1] ?? "";
  const afterAuthority = value.slice(
    value.indexOf(authority) + authority.length,
  );
  return {
    scheme: url.protocol.replace(/:$/, ""),
    host: url.hostname,
    writtenPort,
    port: url.port,
    hasPath: afterAuthority.length > 0,
  };
}

/**
 * Returns a short phrase saying why an `Access-Control-Allow-Origin` value differs
 * from the request's origin, such as "the letter case differs", or null
 * when no single difference explains it.
 */
export function describeOriginDifference(
  allowed: string,
  origin: string,
): string | null {
  if (allowed === "null") {
    return "the header allows only the null origin";
  }

  if (origin === "null") {
    return "the request was sent with Origin: null, which a sandboxed frame, a file: page or a redirect to another origin produces";
  }

  const expected = parseOrigin(origin);
  const actual = parseOrigin(allowed);
  if (expected === null || actual === null) return null;

  if (actual.hasPath) {
    return "the value has a path or a trailing slash, but an origin ends after the host and port";
  }
  if (allowed.toLowerCase() === origin.toLowerCase()) {
    return "the letter case differs";
  }
  if (actual.writtenPort !== "" && actual.port === "") {
    return `the value names the default port ${actual.writtenPort}, which the browser leaves out of the origin`;
  }
  if (actual.scheme !== expected.scheme) {
    return `the scheme differs (${actual.scheme} instead of ${expected.scheme})`;
  }
  if (actual.host !== expected.host) {
    return `the host differs (${actual.host} instead of ${expected.host})`;
  }
  if (actual.port !== expected.port) {
    const describe = (port: string) =>
      port === "" ? "no port" : `port ${port}`;
    return `the port differs (${describe(actual.port)} instead of ${describe(expected.port)})`;
  }
  return null;
}
