import type { Analysis } from "../model/analysis";
import { findingTitle, mainFinding } from "./finding-title";

/** Lists the credentials mode the analysis used, the other mode's verdict and other assumptions. */
export function AssumptionList({ analysis }: { readonly analysis: Analysis }) {
  const { credentials, otherCredentialsMode, assumptions } = analysis;
  const otherMain =
    otherCredentialsMode === null
      ? null
      : mainFinding(otherCredentialsMode.findings);
  return (
    <ul class="assumption-list">
      <li data-testid="credentials-assumption" data-mode={credentials.mode}>
        Credentials mode <code>{credentials.mode}</code> (
        {credentials.basis === "observed" ? "observed" : "assumed"}):{" "}
        {credentials.reason}
      </li>
      {otherCredentialsMode === null ? null : (
        <li class="other-credentials-mode">
          With credentials mode <code>{otherCredentialsMode.mode}</code> the
          request would be <strong>{otherCredentialsMode.verdict}</strong>
          {otherMain === null ? "." : `: ${findingTitle(otherMain)}.`}
        </li>
      )}
      {assumptions.map((assumption, index) => (
        <li key={index}>{assumption}</li>
      ))}
    </ul>
  );
}
