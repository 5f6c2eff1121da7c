import type { Exchange } from "../model/exchange";
import type { CheckResult } from "./check-types";
import { isError } from "./ordering";
import type { ResponseChain } from "./response-chain";

/** The inputs from which the assumptions of one analysis are described. */
export interface AssumptionInput {
  readonly exchange: Exchange;
  readonly origin: string | null;
  readonly chain: ResponseChain;
  /** The results in the chosen credentials mode. */
  readonly results: readonly CheckResult[];
}

function preflightAssumptions({ exchange, chain }: AssumptionInput): string[] {
  const { preflight, preflightSource } = exchange;
  if (preflightSource === "cached") {
    return preflight === null
      ? [
          "No preflight was seen before this request, and no earlier preflight was found whose cached answer could have allowed it. Its method and headers were not checked.",
        ]
      : [
          `No preflight was seen before this request. The browser reused the cached answer of an earlier preflight (OPTIONS ${preflight.url}), so the method and headers were checked against that answer.`,
        ];
  }
  if (preflightSource !== "sent") return [];
  if (preflight === null) {
    return [
      "The request needed a preflight, but none was captured, so the preflight checks were skipped.",
    ];
  }
  if (chain.preflight === null) {
    const reason =
      preflight.error === null
        ? ""
        : ` (the browser reported ${preflight.error})`;
    return [
      `The preflight got no response${reason}, so its checks were skipped.`,
    ];
  }
  return [];
}

function requestAssumptions({ exchange, origin }: AssumptionInput): string[] {
  const assumptions: string[] = [];
  if (origin === null) {
    assumptions.push(
      "The request's origin is unknown, so Access-Control-Allow-Origin could only be checked for its form, not compared with the origin.",
    );
  }
  const { actual, preflight, preflightSource } = exchange;
  if (preflightSource !== "not-needed" && !actual.requestHeadersSeen) {
    if (preflight !== null) {
      assumptions.push(
        "The actual request's headers were not captured, so the headers it needed permission for were taken from the preflight's Access-Control-Request-Headers.",
      );
    }
  }
  return assumptions;
}

function outcomeAssumptions({
  exchange,
  chain,
  results,
}: AssumptionInput): string[] {
  const { actual } = exchange;
  const preflightFailed = results.some(
    (result) => isError(result) && result.response.role === "preflight",
  );
  if (preflightFailed) {
    return [
      "The preflight failed, so the browser never sent the actual request and its response was not checked.",
    ];
  }
  const assumptions: string[] = [];
  if (chain.final === null && actual.statusCode === null && actual.inFlight) {
    assumptions.push(
      "The response has not arrived yet, so only the checks that came before it ran.",
    );
  }
  if (actual.error !== null && !results.some(isError)) {
    assumptions.push(
      `The browser reported ${actual.error}, but every CORS check passes. The failure is probably not CORS: a network error, another extension, or a blocked address can cause it.`,
    );
  }
  return assumptions;
}

/** Lists, in plain words, the facts the analysis took for granted. */
export function describeAssumptions(input: AssumptionInput): string[] {
  return [
    ...requestAssumptions(input),
    ...preflightAssumptions(input),
    ...outcomeAssumptions(input),
  ];
}
