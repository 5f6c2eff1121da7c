import type { Scenario } from "./scenario";
import { ALLOW_ORIGIN_SCENARIOS } from "./scenarios/allow-origin";
import { CREDENTIALS_SCENARIOS } from "./scenarios/credentials";
import { DEMO_SCENARIOS } from "./scenarios/demo";
import { PREFLIGHT_CACHE_SCENARIOS } from "./scenarios/preflight-cache";
import { PREFLIGHT_HEADER_SCENARIOS } from "./scenarios/preflight-headers";
import { PREFLIGHT_METHOD_SCENARIOS } from "./scenarios/preflight-methods";
import { PREFLIGHT_STATUS_SCENARIOS } from "./scenarios/preflight-status";
import { REDIRECT_SCENARIOS } from "./scenarios/redirects";
import { RESPONSE_HEADER_SCENARIOS } from "./scenarios/response-headers";
import { SIMPLE_REQUEST_SCENARIOS } from "./scenarios/simple-requests";

/**
 * The CORS configurations the lab serves, one API path each: the five demo
 * scenarios first, then one group per topic.
 */
export const SCENARIOS: readonly Scenario[] = [
  ...DEMO_SCENARIOS,
  ...ALLOW_ORIGIN_SCENARIOS,
  ...CREDENTIALS_SCENARIOS,
  ...PREFLIGHT_STATUS_SCENARIOS,
  ...PREFLIGHT_METHOD_SCENARIOS,
  ...PREFLIGHT_HEADER_SCENARIOS,
  ...RESPONSE_HEADER_SCENARIOS,
  ...REDIRECT_SCENARIOS,
  ...PREFLIGHT_CACHE_SCENARIOS,
  ...SIMPLE_REQUEST_SCENARIOS,
];
