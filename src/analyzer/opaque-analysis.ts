import type { Analysis, CredentialsMode } from "../model/analysis";
import type { Exchange } from "../model/exchange";
import type { CheckedResponse } from "./check-types";
import { inferCredentials } from "./credentials-inference";
import type { ExplanationContext } from "./explanation-context";
import { readableResponseHeaders } from "./exposed-headers";
import { toFinding } from "./finding";
import { HeaderIndex } from "./header-index";
import type { RequestFacts } from "./request-facts";

const ALLOWED = { verdict: "allowed", error: null } as const;

/**
 * Analyzes a request sent in `no-cors` mode: the browser runs no CORS check and gives
 * the page an opaque response, so the verdict is allowed with a warning that the page
 * cannot read the response.
 */
export function analyzeOpaqueExchange(
  exchange: Exchange,
  facts: RequestFacts,
  forced: CredentialsMode | undefined,
): Analysis {
  const { actual } = exchange;
  const headers = new HeaderIndex(actual.responseHeaders);
  const response: CheckedResponse = {
    role: "actual",
    position: 2,
    url: actual.url,
    statusCode: actual.statusCode ?? 0,
    headers,
    origin: facts.origin,
  };
  const credentials = inferCredentials(exchange, facts, () => false, forced);
  const context: ExplanationContext = {
    credentials: credentials.mode,
    resource: facts.resource,
    localNetwork: null,
    simpleRequest: true,
  };
  const finding = toFinding(
    {
      rule: "no-cors-opaque-response",
      response,
      value: "no-cors",
      expected: "cors",
      subject: null,
    },
    context,
  );
  return {
    verdict: "allowed",
    findings: [finding],
    browsers: { chromium: ALLOWED, firefox: ALLOWED },
    credentials,
    otherCredentialsMode: null,
    assumptions: [
      "The request was sent with Sec-Fetch-Mode: no-cors, so the browser ran no CORS check on its response.",
    ],
    readableResponseHeaders:
      actual.statusCode === null
        ? null
        : readableResponseHeaders(headers, "none", credentials.mode),
  };
}
