import type { IncomingMessage, ServerResponse } from "node:http";
import type { HeaderList } from "../model/header";
import type { Scenario } from "./scenario";
import type { LabOrigins } from "./lab-origins";
import { buildScenarioListing } from "./scenario-listing";
import { labPageScript } from "./lab-script";
import {
  LAB_PAGE_CSS,
  LAB_PAGE_HTML,
  labPageContentSecurityPolicy,
} from "./lab-page";
import { requestPath, sendResponse, sendText } from "./http-exchange";

/**
 * The cookie the page origin sets. Both origins are on 127.0.0.1, and cookies
 * ignore the port (RFC 6265, section 8.5), so a fetch with
 * `credentials: "include"` sends it to the API origin and a default fetch
 * does not.
 */
export const LAB_SESSION_COOKIE = "lab_session=demo; Path=/; SameSite=Lax";

interface PageResource {
  readonly headers: HeaderList;
  readonly body: string;
}

/** Creates the page origin's handler for `/`, `/lab.js`, `/lab.css` and `/scenarios.json`. */
export function createPageHandler(
  scenarios: readonly Scenario[],
  origins: LabOrigins,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      sendText(response, 405, "The lab page accepts GET and HEAD only.\n", [
        { name: "Allow", value: "GET, HEAD" },
      ]);
      return;
    }
    const path = requestPath(request);
    loadPageResource(path, scenarios, origins).then(
      (resource) => {
        if (resource === null) {
          sendText(response, 404, `Nothing is served at ${path}.\n`);
        } else {
          sendResponse(response, 200, resource.headers, resource.body);
        }
      },
      (error: unknown) => {
        console.error(`lab: serving ${path} failed: ${String(error)}`);
        sendText(response, 500, `Serving ${path} failed.\n`);
      },
    );
  };
}

async function loadPageResource(
  path: string,
  scenarios: readonly Scenario[],
  origins: LabOrigins,
): Promise<PageResource | null> {
  switch (path) {
    case "/":
      return {
        headers: [
          { name: "Content-Type", value: "text/html; charset=utf-8" },
          {
            name: "Content-Security-Policy",
            value: labPageContentSecurityPolicy(origins.api),
          },
          { name: "X-Content-Type-Options", value: "nosniff" },
          { name: "Set-Cookie", value: LAB_SESSION_COOKIE },
        ],
        body: LAB_PAGE_HTML,
      };
    case "/lab.js":
      return {
        headers: [
          { name: "Content-Type", value: "text/javascript; charset=utf-8" },
          { name: "X-Content-Type-Options", value: "nosniff" },
        ],
        body: await labPageScript(),
      };
    case "/lab.css":
      return {
        headers: [
          { name: "Content-Type", value: "text/css; charset=utf-8" },
          { name: "X-Content-Type-Options", value: "nosniff" },
        ],
        body: LAB_PAGE_CSS,
      };
    case "/scenarios.json": {
      const listing = buildScenarioListing(
        scenarios,
        origins.page,
        origins.api,
      );
      return {
        headers: [
          { name: "Content-Type", value: "application/json; charset=utf-8" },
          { name: "X-Content-Type-Options", value: "nosniff" },
        ],
        body: JSON.stringify(listing, null, 2),
      };
    }
    default:
      return null;
  }
}
