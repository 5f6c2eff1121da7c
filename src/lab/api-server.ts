import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestContext, Scenario } from "./scenario";
import { resolveResponse } from "./scenario-response";
import { scenarioPath } from "./scenario-listing";
import {
  requestHeaderList,
  requestPath,
  sendResponse,
  sendText,
} from "./http-exchange";
import { headerValue } from "../model/header";
import { localhostOrigin, type LabOrigins } from "./lab-origins";

/** A request path split into the scenario id and the redirect step. */
interface ScenarioTarget {
  readonly path: string;
  readonly step: string;
}

/** Splits `/api/<id>/<step>` into `/api/<id>` and `<step>`; the step may be empty. */
function scenarioTarget(path: string): ScenarioTarget {
  const stepStart = path.indexOf("/", scenarioPath("").length);
  if (stepStart === -1) return { path, step: "" };
  return { path: path.slice(0, stepStart), step: path.slice(stepStart + 1) };
}

/**
 * Creates the API origin's request handler: OPTIONS at `/api/<id>` or
 * `/api/<id>/<step>` gets the scenario's preflight response, every other
 * method its actual response.
 */
export function createApiHandler(
  scenarios: readonly Scenario[],
  origins: LabOrigins,
): (request: IncomingMessage, response: ServerResponse) => void {
  const scenariosByPath = new Map(
    scenarios.map((scenario) => [scenarioPath(scenario.id), scenario]),
  );

  const apiAlias = localhostOrigin(origins.api);

  return (request, response) => {
    const path = requestPath(request);
    const target = scenarioTarget(path);
    const scenario = scenariosByPath.get(target.path);
    if (scenario === undefined) {
      sendText(response, 404, `No scenario is served at ${path}.\n`);
      return;
    }

    const method = request.method ?? "GET";
    const source = method === "OPTIONS" ? scenario.preflight : scenario.actual;
    if (source === null) {
      sendText(
        response,
        405,
        `Scenario ${scenario.id} defines no preflight response.\n`,
        [{ name: "Allow", value: scenario.request.method }],
      );
      return;
    }

    const headers = requestHeaderList(request);
    const host = headerValue(headers, "Host") ?? new URL(origins.api).host;
    const context: RequestContext = {
      method,
      url: `http://${host}${request.url ?? path}`,
      step: target.step,
      origin: headerValue(headers, "Origin"),
      headers,
      pageOrigin: origins.page,
      apiOrigin: origins.api,
      localhostApiOrigin: apiAlias,
    };
    try {
      const resolved = resolveResponse(source, context);
      sendResponse(response, resolved.status, resolved.headers, resolved.body);
    } catch (error) {
      console.error(
        `lab: scenario ${scenario.id} failed to build its response to ${method}: ${String(error)}`,
      );
      sendText(
        response,
        500,
        `Scenario ${scenario.id} failed: ${String(error)}\n`,
      );
    }
  };
}
