import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { Scenario } from "./scenario";
import { SCENARIOS } from "./scenarios";
import { validateScenarios } from "./scenario-validation";
import { createApiHandler } from "./api-server";
import { createPageHandler } from "./page-server";
import type { LabOrigins } from "./lab-origins";
import {
  RequestLog,
  type LabServerRole,
  type RecordedRequest,
} from "./request-log";
import { requestHeaderList, sendText } from "./http-exchange";

/** The only address the lab listens on, so no other host can reach it. */
export const LAB_HOST = "127.0.0.1";
export const DEFAULT_PAGE_PORT = 4100;
export const DEFAULT_API_PORT = 4101;

export interface LabOptions {
  /** Port of the page origin, 4100 by default. Port 0 picks a free port. */
  readonly pagePort?: number;
  /** Port of the API origin, 4101 by default. Port 0 picks a free port. */
  readonly apiPort?: number;
  /** Logs one line per request to stdout. */
  readonly verbose?: boolean;
  /** The scenarios to serve, by default the lab's scenario table. */
  readonly scenarios?: readonly Scenario[];
}

export interface RunningLab {
  /** Origin of the lab page, such as `http://127.0.0.1:4100`. */
  readonly pageOrigin: string;
  /** Origin of the scenario API, such as `http://127.0.0.1:4101`. */
  readonly apiOrigin: string;
  /** Stops both servers and closes their open connections. */
  close(): Promise<void>;
  /** Returns the requests both servers received so far, oldest first. */
  requests(): RecordedRequest[];
}

/** A lab server could not listen on its port. */
export class LabListenError extends Error {
  constructor(
    readonly role: LabServerRole,
    readonly port: number,
    /** The system error code, such as `EADDRINUSE`. */
    readonly code: string,
    cause: unknown,
  ) {
    super(
      code === "EADDRINUSE"
        ? `Port ${port} on ${LAB_HOST} is already in use.`
        : `Cannot listen on ${LAB_HOST}:${port} (${code}).`,
      { cause },
    );
    this.name = "LabListenError";
  }
}

/**
 * Starts the lab: the page origin serves the lab page and the API origin plays
 * the scenarios. Both listen on 127.0.0.1 only. Throws LabListenError when a
 * port cannot be used; the other server is then closed again.
 */
export async function startLab(options: LabOptions = {}): Promise<RunningLab> {
  const scenarios = options.scenarios ?? SCENARIOS;
  validateScenarios(scenarios);

  const log = new RequestLog();
  const verbose = options.verbose === true;
  const page = new LabServer("page", log, verbose);
  const api = new LabServer("api", log, verbose);

  const pageOrigin = await page.listen(options.pagePort ?? DEFAULT_PAGE_PORT);
  let apiOrigin: string;
  try {
    apiOrigin = await api.listen(options.apiPort ?? DEFAULT_API_PORT);
  } catch (error) {
    await page.close();
    throw error;
  }

  const origins: LabOrigins = { page: pageOrigin, api: apiOrigin };
  page.handler = createPageHandler(scenarios, origins);
  api.handler = createApiHandler(scenarios, origins);

  let closing: Promise<void> | undefined;
  return {
    pageOrigin,
    apiOrigin,
    close: () => {
      closing ??= Promise.all([page.close(), api.close()]).then(() => {});
      return closing;
    },
    requests: () => log.list(),
  };
}

type RequestHandler = (
  request: IncomingMessage,
  response: ServerResponse,
) => void;

/** One of the lab's servers, which records and optionally logs every request. */
class LabServer {
  /**
   * Set once both servers listen, because the handlers need both origins.
   * Until then requests get 503.
   */
  handler: RequestHandler | null = null;
  readonly #server: Server;

  constructor(
    readonly role: LabServerRole,
    readonly log: RequestLog,
    readonly verbose: boolean,
  ) {
    this.#server = createServer((request, response) => {
      this.#handle(request, response);
    });
  }

  /** Listens on 127.0.0.1 and returns the server's origin. */
  listen(port: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException): void => {
        const code = error.code ?? "unknown";
        reject(new LabListenError(this.role, port, code, error));
      };
      this.#server.once("error", onError);
      this.#server.listen(port, LAB_HOST, () => {
        this.#server.off("error", onError);
        const address = this.#server.address();
        if (address === null || typeof address === "string") {
          reject(new Error(`The ${this.role} server has no TCP address.`));
          return;
        }
        resolve(`http://${LAB_HOST}:${address.port}`);
      });
    });
  }

  close(): Promise<void> {
    if (!this.#server.listening) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#server.close((error) => {
        if (error === undefined) resolve();
        else reject(error);
      });
      // Idle keep-alive connections would otherwise hold `close` open until
      // Node's keep-alive timeout (5 s by default) ends them.
      this.#server.closeAllConnections();
    });
  }

  #handle(request: IncomingMessage, response: ServerResponse): void {
    const method = request.method ?? "";
    const url = request.url ?? "";
    this.log.add({
      server: this.role,
      method,
      url,
      headers: requestHeaderList(request),
      time: Date.now(),
    });
    if (this.verbose) {
      response.on("finish", () => {
        console.log(`lab ${this.role} ${method} ${url} ${response.statusCode}`);
      });
    }

    if (this.handler === null) {
      sendText(response, 503, "The lab is still starting.\n");
    } else {
      this.handler(request, response);
    }
  }
}
