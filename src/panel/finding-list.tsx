import type { Finding } from "../model/analysis";
import { findingTitle } from "./finding-title";

const RESPONSE_TEXT: Record<Finding["response"], string> = {
  preflight: "preflight response",
  actual: "actual response",
  redirect: "redirect response",
};

export function FindingList({
  findings,
}: {
  readonly findings: readonly Finding[];
}) {
  if (findings.length === 0) {
    return <p class="findings-empty">No findings: every CORS check passed.</p>;
  }
  return (
    <ol class="finding-list">
      {findings.map((finding, index) => (
        <FindingItem key={index} finding={finding} />
      ))}
    </ol>
  );
}

function FindingItem({ finding }: { readonly finding: Finding }) {
  return (
    <li
      class={`finding finding--${finding.severity}`}
      data-testid="finding"
      data-rule={finding.rule}
      data-severity={finding.severity}
    >
      <p class="finding-heading">
        <span class={`severity-badge severity-badge--${finding.severity}`}>
          {finding.severity}
        </span>
        <strong class="finding-title">{findingTitle(finding)}</strong>
        <span class="finding-where">
          {finding.header === null
            ? `on the ${RESPONSE_TEXT[finding.response]}`
            : `${finding.header} on the ${RESPONSE_TEXT[finding.response]}`}
        </span>
      </p>
      <p class="finding-explanation">{finding.explanation}</p>
      <p class="finding-fix">
        <span class="finding-label">Fix:</span> {finding.fix}
      </p>
      <p class="finding-browser-names">
        <span class="finding-label">Chromium:</span>{" "}
        <code>{finding.chromium ?? "no error"}</code>{" "}
        <span class="finding-label">Firefox:</span>{" "}
        <code>{finding.firefox ?? "no error"}</code>
      </p>
    </li>
  );
}
