import { useMemo } from "preact/hooks";
import type { Exchange } from "../model/exchange";
import type { AnalyzedExchange } from "../report/build-json-report";
import { redactEntries } from "../report/redaction";
import { requestedVsAllowed } from "../report/requested-vs-allowed";
import { AssumptionList } from "./assumption-list";
import { findingSubjects } from "./console-pointer";
import { CurlButton } from "./curl-button";
import "./detail.css";
import { FindingList } from "./finding-list";
import { fixSnippet } from "./fix-snippet";
import { RequestColumn } from "./request-column";
import { RequestedVsAllowedTable } from "./requested-vs-allowed-table";
import { verdictSentence } from "./verdict-sentence";

interface ExchangeDetailProps {
  readonly entry: AnalyzedExchange;
  /**
   * True when copied text (curl commands, fixes) must have its secrets redacted, as
   * the exports do. The pane itself always shows the values as captured.
   */
  readonly redact?: boolean;
}

/**
 * Everything known about one exchange: the verdict, what the request needed against
 * what the responses allowed, both requests side by side, findings and assumptions.
 */
export function ExchangeDetail({ entry, redact = true }: ExchangeDetailProps) {
  const { exchange, analysis } = entry;
  const preflight = preflightColumnText(exchange);
  const rows = useMemo(() => requestedVsAllowed(entry), [entry]);
  const subjects = findingSubjects(analysis.findings, rows);
  const fixText = (index: number): string => {
    const copied = redact ? redactEntries([entry])[0] : entry;
    const finding = copied?.analysis.findings[index];
    return finding === undefined ? "" : fixSnippet(finding);
  };
  return (
    <section
      class="exchange-detail"
      data-testid="exchange-detail"
      data-verdict={analysis.verdict}
      aria-label="Selected request"
    >
      <div
        class={`verdict-banner verdict-banner--${analysis.verdict}`}
        data-testid="verdict-banner"
      >
        <p class="verdict-sentence">{verdictSentence(entry)}</p>
      </div>
      <BrowserSummary entry={entry} />
      <h3 class="detail-heading">Requested vs allowed</h3>
      <RequestedVsAllowedTable rows={rows} />
      <div class="request-columns">
        <RequestColumn
          title={preflight.title}
          note={preflight.note}
          record={
            exchange.preflightSource === "not-needed"
              ? null
              : exchange.preflight
          }
          response="preflight"
          findings={analysis.findings}
          actions={
            <CurlButton exchange={exchange} role="preflight" redact={redact} />
          }
        />
        <RequestColumn
          title="Actual request"
          note={null}
          record={exchange.actual}
          response="actual"
          findings={analysis.findings}
          actions={
            <CurlButton exchange={exchange} role="actual" redact={redact} />
          }
        />
      </div>
      <h3 class="detail-heading">Findings</h3>
      <FindingList
        findings={analysis.findings}
        subjects={subjects}
        fixText={fixText}
      />
      <h3 class="detail-heading">Assumptions</h3>
      <AssumptionList analysis={analysis} />
    </section>
  );
}

/** Renders the error each browser reports and the page's origin, under the verdict. */
function BrowserSummary({ entry }: { readonly entry: AnalyzedExchange }) {
  const { chromium, firefox } = entry.analysis.browsers;
  return (
    <p class="verdict-browsers">
      Chromium: {chromium.verdict}
      {chromium.error === null ? "" : ` (${chromium.error})`}. Firefox:{" "}
      {firefox.verdict}
      {firefox.error === null ? "" : ` (${firefox.error})`}. Origin:{" "}
      {entry.exchange.origin ?? "unknown"}.
    </p>
  );
}

function preflightColumnText(exchange: Exchange): {
  title: string;
  note: string | null;
} {
  switch (exchange.preflightSource) {
    case "sent":
      return { title: "Preflight", note: null };
    case "cached":
      return {
        title: "Earlier cached preflight",
        note:
          exchange.preflight === null
            ? "No preflight was sent: the browser reused a cached preflight answer that was not recorded."
            : "No preflight was sent: the browser reused the cached answer of this earlier preflight.",
      };
    case "not-needed":
      return {
        title: "Preflight",
        note: "No preflight was needed: the method and request headers are all CORS-safelisted.",
      };
  }
}
