import type { ResponseSource, Scenario } from "../scenario";
import {
  ALLOWED_RESPONSE,
  PREFLIGHTED_PUT,
  preflightAllowingPut,
} from "./common";

/**
 * Answers the first preflight from each page origin with a preflight that
 * allows the PUT and sends `maxAge`, and every later one without
 * `Access-Control-Allow-Origin`. A repeated request therefore passes only when
 * the browser reused the first answer from its preflight cache. Counting per
 * page origin gives each lab instance, which listens on its own port, a fresh
 * count.
 */
function firstPreflightOnly(maxAge: string): ResponseSource {
  const preflightsByOrigin = new Map<string, number>();
  return (context) => {
    const count = (preflightsByOrigin.get(context.pageOrigin) ?? 0) + 1;
    preflightsByOrigin.set(context.pageOrigin, count);
    if (count === 1) {
      return preflightAllowingPut([
        { name: "Access-Control-Max-Age", value: maxAge },
      ]);
    }
    return { status: 204, headers: [] };
  };
}

interface CacheCase {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly maxAge: string;
  readonly cache: "default" | "no-store";
}

function cacheScenario(cacheCase: CacheCase): Scenario {
  return {
    id: cacheCase.id,
    title: cacheCase.title,
    description: cacheCase.description,
    request: { ...PREFLIGHTED_PUT, cache: cacheCase.cache, repeat: 2 },
    preflight: firstPreflightOnly(cacheCase.maxAge),
    actual: ALLOWED_RESPONSE,
  };
}

const CACHE_CASES: readonly CacheCase[] = [
  {
    id: "preflight-cache-max-age-600",
    title: "Preflight cached for 600 seconds",
    description:
      "The server answers only the first preflight, with Max-Age 600, so the second PUT depends on the preflight cache.",
    maxAge: "600",
    cache: "default",
  },
  {
    id: "preflight-cache-max-age-negative",
    title: "Negative Max-Age",
    description:
      "The first preflight sends Access-Control-Max-Age: -1, so it is not cached and the second preflight fails.",
    maxAge: "-1",
    cache: "default",
  },
  {
    id: "preflight-cache-max-age-unparseable",
    title: "Unparseable Max-Age",
    description:
      "The first preflight sends Access-Control-Max-Age: ten, which browsers treat differently, and the second preflight fails.",
    maxAge: "ten",
    cache: "default",
  },
  {
    id: "preflight-cache-max-age-zero",
    title: "Max-Age zero",
    description:
      "The first preflight sends Access-Control-Max-Age: 0, so it is not cached and the second preflight fails.",
    maxAge: "0",
    cache: "default",
  },
  {
    id: "preflight-cache-no-store-request",
    title: "Cached preflight bypassed by no-store",
    description:
      "The first preflight is cacheable for 600 seconds, but the PUTs use cache: no-store, which sends a new preflight that fails.",
    maxAge: "600",
    cache: "no-store",
  },
];

/**
 * Scenarios about the preflight cache. The page sends the same PUT twice; the
 * server allows only the first preflight, so the second PUT passes only when
 * the browser cached that preflight.
 */
export const PREFLIGHT_CACHE_SCENARIOS: readonly Scenario[] =
  CACHE_CASES.map(cacheScenario);
