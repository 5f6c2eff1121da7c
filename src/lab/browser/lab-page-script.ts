/**
 * The lab page's script, served as `/lab.js` after its types are stripped. It
 * runs in the browser, so it imports types only.
 */
import type {
  ListedScenario,
  RequestOutcome,
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
  const requests: RequestOutcome[] = [];
  const count = Math.max(1, scenario.request.repeat ?? 1);
  for (let run = 0; run < count; run += 1) {
    requests.push(await makeRequest(scenario));
  }
  const last = requests[requests.length - 1] ?? failure("No request was made.");
  const result: ScenarioRunResult = { ...last, id, requests };
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

function makeRequest(scenario: ListedScenario): Promise<RequestOutcome> {
  switch (scenario.request.destination) {
    case "image":
      return loadImage(scenario);
    case "font":
      return loadFont(scenario);
    case "script":
      return loadModuleScript(scenario);
    case undefined:
      return fetchScenario(scenario);
  }
}

function failure(error: string): RequestOutcome {
  return { ok: false, status: null, error };
}

const LOADED: RequestOutcome = { ok: true, status: null, error: null };

async function fetchScenario(
  scenario: ListedScenario,
): Promise<RequestOutcome> {
  const { request } = scenario;
  const headers = new Headers();
  for (const header of request.headers) {
    headers.append(header.name, header.value);
  }
  // `no-store` also bypasses the preflight cache (observed in Chromium 156), so
  // every run sends a fresh OPTIONS request when one is needed, unless the
  // scenario asks for the default cache mode.
  const init: RequestInit = {
    method: request.method,
    headers,
    credentials: request.credentials,
    mode: request.mode ?? "cors",
    cache: request.cache === "default" ? "default" : "no-store",
  };
  if (request.body !== undefined) init.body = request.body;

  try {
    const response = await fetch(scenario.url, init);
    await response.arrayBuffer();
    const outcome: RequestOutcome = {
      ok: response.ok,
      status: response.status,
      error: null,
    };
    if (request.readHeader === undefined) return outcome;
    return {
      ...outcome,
      readHeaderValue: response.headers.get(request.readHeader),
    };
  } catch (error) {
    return failure(String(error));
  }
}

/** Loads the URL as an `<img crossorigin>`, which makes a CORS request. */
function loadImage(scenario: ListedScenario): Promise<RequestOutcome> {
  return new Promise((resolve) => {
    const image = new Image();
    image.crossOrigin =
      scenario.request.credentials === "include"
        ? "use-credentials"
        : "anonymous";
    image.addEventListener("load", () => resolve(LOADED));
    // The error event carries no reason, for CORS failures or any other.
    image.addEventListener("error", () =>
      resolve(failure("The image did not load.")),
    );
    image.src = scenario.url;
  });
}

/**
 * Declares the URL as a font in an `@font-face` rule and loads it. Font loads
 * are always CORS requests without credentials (CSS Fonts 4, "Font fetching
 * requirements"). The rule goes into a constructed stylesheet because the page's
 * Content-Security-Policy allows no inline style.
 */
async function loadFont(scenario: ListedScenario): Promise<RequestOutcome> {
  const family = `lab-font-${scenario.id}`;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    `@font-face { font-family: "${family}"; src: url("${scenario.url}"); }`,
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const face = [...document.fonts].find(
    (candidate) => candidate.family.replaceAll('"', "") === family,
  );
  if (face === undefined) return failure(`No font face named ${family}.`);
  try {
    await face.load();
    return LOADED;
  } catch (error) {
    return failure(String(error));
  }
}

/** Imports the URL as a module script, which makes a CORS request. */
async function loadModuleScript(
  scenario: ListedScenario,
): Promise<RequestOutcome> {
  try {
    await import(scenario.url);
    return LOADED;
  } catch (error) {
    return failure(String(error));
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
  } else if (result.status === null) {
    element.dataset["outcome"] = "ok";
    element.textContent = "Loaded";
  } else if (result.status === 0) {
    // A `no-cors` fetch resolves with an opaque response, whose status is 0.
    element.dataset["outcome"] = "ok";
    element.textContent = "Opaque response";
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
  if (request.mode !== undefined) details.push(`mode: ${request.mode}`);
  if (request.cache !== undefined) details.push(`cache: ${request.cache}`);
  if (request.repeat !== undefined)
    details.push(`sent ${request.repeat} times`);
  if (request.readHeader !== undefined) {
    details.push(`reads ${request.readHeader}`);
  }
  const action =
    request.destination === undefined
      ? request.method
      : `${request.destination} load`;
  return `${action} ${scenario.url} (${details.join("; ")})`;
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
