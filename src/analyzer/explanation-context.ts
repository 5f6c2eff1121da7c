import type { CredentialsMode } from "../model/analysis";
import type { LocalNetworkRequest } from "./local-network";
import type { ResourceKind } from "./resource-kind";

/** The facts about the request that the text of a finding adapts to. */
export interface ExplanationContext {
  readonly credentials: CredentialsMode;
  readonly resource: ResourceKind;
  /** The Local Network Access step the request takes, or null when it takes none. */
  readonly localNetwork: LocalNetworkRequest | null;
  /** True when the request was sent with no preflight before it. */
  readonly simpleRequest: boolean;
}

/** The plain-words text of a finding. */
export interface FindingText {
  readonly explanation: string;
  readonly fix: string;
}
