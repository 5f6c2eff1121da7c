import type { Exchange } from "../model/exchange";
import type { AnalyzedExchange } from "../report/build-json-report";
import { AssumptionList } from "./assumption-list";
import { FindingList } from "./finding-list";
import { RequestColumn } from "./request-column";
import { verdictSentence } from "./verdict-sentence";

/** Everything known about one exchange: verdict, both requests, findings, assumptions. */
export function ExchangeDetail({
  entry,
}: {
  readonly entry: AnalyzedExchange;
}) {
  const { exchange, analysis } = entry;
  const { chromium, firefox } = analysis.browsers;
  const preflight = preflightColumnText(exchange);
  return (
    <section
      class="exchange-detail"
      data-testid="exchange-detail"
      data-verdict={analysis.verdict}
      aria-label="Selected request"
    >
      <div class={`verdict-banner verdict-banner--${analysis.verdict}`}>
        <p class="verdict-sentence">{verdictSentence(entry)}</p>
        <p class="verdict-browsers">
          Chromium: {chromium.verdict}
          {chromium.error === null ? "" : ` (${chromium.error})`}. Firefox:{" "}
          {firefox.verdict}
          {firefox.error === null ? "" : ` (${firefox.error})`}. Origin:{" "}
          {exchange.origin ?? "unknown"}.
        </p>
      </div>
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
        />
        <RequestColumn
          title="Actual request"
          note={null}
          record={exchange.actual}
          response="actual"
          findings={analysis.findings}
        />
      </div>
      <h3 class="detail-heading">Findings</h3>
      <FindingList findings={analysis.findings} />
      <h3 class="detail-heading">Assumptions</h3>
      <AssumptionList analysis={analysis} />
    </section>
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
