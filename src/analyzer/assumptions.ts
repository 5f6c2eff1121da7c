import type { Exchange } from "../model/exchange";
import type { CheckResult } from "./check-types";
import type { LocalNetworkRequest } from "./local-network";
import { describeLocalNetworkRequest } from "./local-network";
import { isError } from "./ordering";
import { describePreflightCache } from "./preflight-cache";
import type { ResponseChain } from "./response-chain";

/** The inputs from which the assumptions of one analysis are described. */
export interface AssumptionInput {
  readonly exchange: Exchange;
  readonly origin: string | null;
  readonly chain: ResponseChain;
  /** The results in the chosen credentials mode. */
  readonly results: readonly CheckResult[];
  readonly localNetwork: LocalNetworkRequest | null;
}

function cachedPreflightAssumptions({
  exchange,
  chain,
}: AssumptionInput): string[] {
  const { preflight, actual } = exchange;
  if (preflight === null) {
    return [
      "No preflight was seen before this request, and no earlier preflight was found whose cached answer could have allowed it. Its method and headers were not checked.",
    ];
  }
  const assumptions = [
    `No preflight was seen before this request. The browser reused the cached answer of an earlier preflight (OPTIONS ${preflight.url}), so the method and headers were checked against that answer.`,
  ];
  const maxAge =
    chain.preflight === null
      ? null
      : chain.preflight.headers.value("Access-Control-Max-Age");
  const cache = describePreflightCache(preflight, actual, maxAge);
  if (cache !== null) assumptions.push(cache);
  return assumptions;
}

function preflightAssumptions(input: AssumptionInput): string[] {
  const { exchange, chain } = input;
  const { preflight, preflightSource } = exchange;
  if (preflightSource === "cached") return cachedPreflightAssumptions(input);
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
  if (chain.preflightAfterStep !== null) {
    return [
      `The captured preflight went to ${preflight.url}, the target of a redirect, so it was checked after that redirect. A preflight to the first URL, if one was sent, was not captured.`,
    ];
  }
  return [];
}

function requestAssumptions({
  exchange,
  origin,
  localNetwork,
}: AssumptionInput): string[] {
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
  if (localNetwork !== null) {
    assumptions.push(
      `Local Network Access: ${describeLocalNetworkRequest(localNetwork)}. Chromium asks the user for permission before it sends such a request, and Firefox checks it only when its preferences turn the feature on. Headers cannot show whether the permission was granted, so the analysis assumes it was. A denied permission fails the request with LocalNetworkAccessPermissionDenied in Chromium.`,
    );
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
    (result) =>
      isError(result) &&
      result.response.role === "preflight" &&
      result.rule !== "request-failed",
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
  const failure = results.find((result) => result.rule === "request-failed");
  if (failure !== undefined) {
    const reported =
      failure.value === null
        ? "The request ended without a response"
        : `The browser reported ${failure.value}`;
    assumptions.push(
      `${reported}, but no CORS check explains it. The failure is probably not CORS: a network error, another extension, or Local Network Access can cause it.`,
    );
  }
  return assumptions;
}

/** Lists, in plain words, the facts the analysis took for granted. */
export function describeAssumptions(input: AssumptionInput): string[] {
  const assumptions = requestAssumptions(input);
  for (const assumption of preflightAssumptions(input)) {
    assumptions.push(assumption);
  }
  for (const assumption of outcomeAssumptions(input)) {
    assumptions.push(assumption);
  }
  return assumptions;
}
