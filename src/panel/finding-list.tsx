import type { Finding } from "../model/analysis";
import { BrowserReports } from "./browser-reports";
import { CopyButton } from "./copy-button";
import { findingTitle } from "./finding-title";
import { mdnLink } from "./mdn-link";

const RESPONSE_TEXT: Record<Finding["response"], string> = {
  preflight: "preflight response",
  actual: "actual response",
  redirect: "redirect response",
};

interface FindingListProps {
  readonly findings: readonly Finding[];
  /** For each finding, the method or request header it is about, or null. */
  readonly subjects: readonly (string | null)[];
  /** Returns the text "Copy fix" copies for the finding at an index. */
  readonly fixText: (index: number) => string;
}

export function FindingList({ findings, subjects, fixText }: FindingListProps) {
  if (findings.length === 0) {
    return <p class="findings-empty">No findings: every CORS check passed.</p>;
  }
  return (
    <ol class="finding-list">
      {findings.map((finding, index) => (
        <FindingItem
          key={index}
          finding={finding}
          subject={subjects[index] ?? null}
          fixText={() => fixText(index)}
        />
      ))}
    </ol>
  );
}

function FindingItem({
  finding,
  subject,
  fixText,
}: {
  readonly finding: Finding;
  readonly subject: string | null;
  readonly fixText: () => string;
}) {
  const link = mdnLink(finding);
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
      <BrowserReports finding={finding} subject={subject} />
      <p class="finding-actions">
        <CopyButton
          label="Copy fix"
          testId="copy-fix"
          text={fixText}
          title="Copy the header line that would pass, or the fix in words"
        />
        <a
          class="finding-mdn-link"
          data-testid="finding-mdn-link"
          href={link.href}
          target="_blank"
          rel="noopener noreferrer"
        >
          {link.label}
        </a>
      </p>
    </li>
  );
}
