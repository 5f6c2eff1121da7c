import { useMemo } from "preact/hooks";
import type { Exchange } from "../model/exchange";
import {
  actualCurl,
  preflightCurl,
  uncapturedRequestHeaders,
} from "../report/curl-command";
import { CopyButton } from "./copy-button";

interface CurlButtonProps {
  readonly exchange: Exchange;
  readonly role: "preflight" | "actual";
  readonly redact: boolean;
}

/**
 * Renders "Copy as curl" for the preflight or the actual request, with a note on the
 * request headers the command cannot include. Nothing for a preflight that was not
 * needed.
 */
export function CurlButton({ exchange, role, redact }: CurlButtonProps) {
  const uncaptured = useMemo(
    () => (role === "actual" ? uncapturedRequestHeaders(exchange) : []),
    [exchange, role],
  );
  if (role === "preflight" && exchange.preflightSource === "not-needed") {
    return null;
  }
  // The command is built on click: a capture can hold thousands of headers.
  const command = (): string =>
    role === "preflight"
      ? (preflightCurl(exchange, redact)?.command ?? "")
      : actualCurl(exchange, redact).command;
  const title = `Copy a curl command that sends this request again${
    redact ? ", with secrets redacted" : ""
  }. The body was not captured, so the command sends none.`;
  return (
    <div class="curl-control">
      <CopyButton
        label="Copy as curl"
        testId={`copy-curl-${role}`}
        text={command}
        title={title}
      />
      {uncaptured.length === 0 ? null : (
        <p class="curl-note" data-testid="curl-uncaptured">
          Not in the command, because the values were not captured:{" "}
          <code>{uncaptured.join(", ")}</code>.
        </p>
      )}
    </div>
  );
}
