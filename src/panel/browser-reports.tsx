import type { Finding } from "../model/analysis";
import {
  chromiumPointer,
  firefoxPointer,
  type ConsolePointer,
} from "./console-pointer";
import { HeaderValue } from "./header-value";

/**
 * Renders the name each browser gives a finding, and what its console message
 * points at, in this extension's words.
 */
export function BrowserReports({
  finding,
  subject,
}: {
  readonly finding: Finding;
  readonly subject: string | null;
}) {
  return (
    <dl class="browser-reports">
      <dt>Chromium</dt>
      <dd data-testid="chromium-report">
        {finding.chromium === null ? (
          <span class="browser-report-none">
            reports no CORS error for this
          </span>
        ) : (
          <>
            <code>{finding.chromium}</code>{" "}
            <PointerText pointer={chromiumPointer(finding, subject)} />
          </>
        )}
      </dd>
      <dt>Firefox</dt>
      <dd data-testid="firefox-report">
        {finding.firefox === null ? (
          <span class="browser-report-none">logs no reason for this</span>
        ) : (
          <>
            <code>{finding.firefox}</code>{" "}
            <PointerText pointer={firefoxPointer(finding, subject)} />
          </>
        )}
      </dd>
    </dl>
  );
}

function Value({ value }: { readonly value: string }) {
  return (
    <code class="pointer-value">
      <HeaderValue value={value} />
    </code>
  );
}

/** Renders one sentence on the header and value a console message names. */
function PointerText({ pointer }: { readonly pointer: ConsolePointer | null }) {
  if (pointer === null) return null;
  const { header, kind, value } = pointer;
  const headerName = header === null ? null : <code>{header}</code>;
  switch (kind) {
    case "received":
      if (value === null || headerName === null) break;
      return (
        <span class="pointer">
          — the console message quotes {headerName} with the value{" "}
          <Value value={value} />.
        </span>
      );
    case "absent":
      return (
        <span class="pointer">
          — the console message says {headerName ?? "a header"} is missing.
        </span>
      );
    case "method":
    case "request-header": {
      const what = kind === "method" ? "the method" : "the request header";
      return (
        <span class="pointer">
          — the console message names {what}
          {value === null ? null : (
            <>
              {" "}
              <Value value={value} />
            </>
          )}{" "}
          as missing from {headerName ?? "the list"}.
        </span>
      );
    }
    case "invalid-element":
      return (
        <span class="pointer">
          — the console message quotes the element
          {value === null ? null : (
            <>
              {" "}
              <Value value={value} />
            </>
          )}{" "}
          of {headerName ?? "the list"} as invalid.
        </span>
      );
    case "status":
      return (
        <span class="pointer">
          — the console message gives the response status
          {value === null ? null : (
            <>
              {" "}
              <Value value={value} />
            </>
          )}{" "}
          and names no header.
        </span>
      );
    case "none":
      break;
  }
  return (
    <span class="pointer">
      {headerName === null ? (
        "— the console message names no header or value."
      ) : (
        <>— the console message names {headerName} but quotes no value.</>
      )}
    </span>
  );
}
