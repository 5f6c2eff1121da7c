/**
 * The lab page's script, served as `/lab.js` after its types are stripped. It
 * runs in the browser, so it imports types only.
 */
import type {
  ListedScenario,
  ScenarioListing,
  ScenarioRunResult,
} from "../lab-page-types";

const listing = loadListing();

async function loadListing(): Promise<ScenarioListing> {
  const response = await fetch("/scenarios.json", { cache: "no-store" });
  if (!response.ok) {
    throw new Error(`GET /scenarios.json failed with HTTP ${response.status}`);
  }
  return (await response.json()) as ScenarioListing;
}

async function runScenario(id: string): Promise<ScenarioRunResult> {
  const { scenarios } = await listing;
  const scenario = scenarios.find((candidate) => candidate.id === id);
  if (scenario === undefined) throw new Error(`Unknown scenario "${id}".`);

  showRunning(id);
  const result = await fetchScenario(scenario);
  showResult(result);
  return result;
}

async function runAllScenarios(): Promise<ScenarioRunResult[]> {
  const { scenarios } = await listing;
  const results: ScenarioRunResult[] = [];
  for (const scenario of scenarios) {
    results.push(await runScenario(scenario.id));
  }
  return results;
}

async function fetchScenario(
  scenario: ListedScenario,
): Promise<ScenarioRunResult> {
  const { request } = scenario;
  const headers = new Headers();
  for (const header of request.headers) {
    headers.append(header.name, header.value);
  }
  // `no-store` also bypasses the preflight cache (observed in Chromium 156), so
  // every run sends a fresh OPTIONS request when one is needed.
  const init: RequestInit = {
    method: request.method,
    headers,
    credentials: request.credentials,
    cache: "no-store",
  };
  if (request.body !== undefined) init.body = request.body;

  try {
    const response = await fetch(scenario.url, init);
    await response.arrayBuffer();
    return {
      id: scenario.id,
      ok: response.ok,
      status: response.status,
      error: null,
    };
  } catch (error) {
    return { id: scenario.id, ok: false, status: null, error: String(error) };
  }
}

function resultElement(id: string): HTMLElement | null {
  return document.querySelector(`[data-result-for="${CSS.escape(id)}"]`);
}

function showRunning(id: string): void {
  const element = resultElement(id);
  if (element === null) return;
  element.dataset["outcome"] = "running";
  element.textContent = "Running…";
}

function showResult(result: ScenarioRunResult): void {
  const element = resultElement(result.id);
  if (element === null) return;
  if (result.error !== null) {
    element.dataset["outcome"] = "error";
    element.textContent = `Failed: ${result.error}`;
  } else if (result.ok) {
    element.dataset["outcome"] = "ok";
    element.textContent = `OK: HTTP ${String(result.status)}`;
  } else {
    element.dataset["outcome"] = "status";
    element.textContent = `HTTP ${String(result.status)}`;
  }
}

function renderScenario(scenario: ListedScenario): HTMLLIElement {
  const item = document.createElement("li");
  item.dataset["scenarioId"] = scenario.id;

  const title = document.createElement("h2");
  title.textContent = scenario.title;

  const description = document.createElement("p");
  description.textContent = scenario.description;

  const request = document.createElement("p");
  request.className = "request";
  request.textContent = describeRequest(scenario);

  const runButton = document.createElement("button");
  runButton.type = "button";
  runButton.textContent = "Run";
  runButton.addEventListener("click", () => {
    void runScenario(scenario.id);
  });

  const result = document.createElement("output");
  result.dataset["resultFor"] = scenario.id;
  result.textContent = "Not run";

  item.append(title, description, request, runButton, result);
  return item;
}

function describeRequest(scenario: ListedScenario): string {
  const { request } = scenario;
  const headers = request.headers.map(
    (header) => `${header.name}: ${header.value}`,
  );
  const details = [`credentials: ${request.credentials}`, ...headers];
  return `${request.method} ${scenario.url} (${details.join("; ")})`;
}

function requireElement(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`The lab page has no #${id} element.`);
  return element;
}

async function renderPage(): Promise<void> {
  const status = requireElement("status");
  try {
    const { pageOrigin, apiOrigin, scenarios } = await listing;
    const list = requireElement("scenarios");
    list.replaceChildren(...scenarios.map(renderScenario));
    status.textContent = `This page (${pageOrigin}) calls the API at ${apiOrigin}.`;
  } catch (error) {
    status.textContent = `Could not load the scenarios: ${String(error)}`;
    return;
  }
  requireElement("run-all").addEventListener("click", () => {
    void runAllScenarios();
  });
}

Object.assign(window, { runScenario, runAllScenarios });
void renderPage();
