import { createServer, type Server } from "node:net";
import { connect } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  LabListenError,
  startLab,
  type RunningLab,
} from "../../../src/lab/lab-server";
import { sendRawRequest } from "./raw-request";

const running: RunningLab[] = [];

async function startTestLab(verbose = false): Promise<RunningLab> {
  const lab = await startLab({ pagePort: 0, apiPort: 0, verbose });
  running.push(lab);
  return lab;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((lab) => lab.close()));
});

function portOf(origin: string): number {
  return Number(new URL(origin).port);
}

/** Resolves with the connection error code, or "connected". */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => {
      resolve(error.code ?? "error");
    });
  });
}

function occupyPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address === "string") {
        reject(new Error("no TCP address"));
        return;
      }
      resolve({ server, port: address.port });
    });
  });
}

describe("startLab", () => {
  it("uses two different ports on 127.0.0.1", async () => {
    const lab = await startTestLab();
    expect(new URL(lab.pageOrigin).hostname).toBe("127.0.0.1");
    expect(new URL(lab.apiOrigin).hostname).toBe("127.0.0.1");
    expect(portOf(lab.pageOrigin)).toBeGreaterThan(0);
    expect(portOf(lab.apiOrigin)).not.toBe(portOf(lab.pageOrigin));
  });

  it("listens on 127.0.0.1 only", async () => {
    const lab = await startTestLab();
    for (const origin of [lab.pageOrigin, lab.apiOrigin]) {
      const port = portOf(origin);
      expect(await tryConnect("127.0.0.1", port)).toBe("connected");
      // Linux routes all of 127.0.0.0/8 to loopback, so a server bound to
      // 0.0.0.0 would accept this connection.
      expect(await tryConnect("127.0.0.2", port)).toBe("ECONNREFUSED");
    }
  });

  it("names the taken port in its error", async () => {
    const { server, port } = await occupyPort();
    try {
      const attempt = startLab({ pagePort: 0, apiPort: port });
      await expect(attempt).rejects.toBeInstanceOf(LabListenError);
      await expect(attempt).rejects.toMatchObject({
        role: "api",
        port,
        code: "EADDRINUSE",
        message: `Port ${port} on 127.0.0.1 is already in use.`,
      });
    } finally {
      server.close();
    }
  });

  it("frees the page port when the API port is taken", async () => {
    const { server, port } = await occupyPort();
    const free = await occupyPort();
    const pagePort = free.port;
    free.server.close();
    try {
      await expect(startLab({ pagePort, apiPort: port })).rejects.toThrow(
        LabListenError,
      );
      expect(await tryConnect("127.0.0.1", pagePort)).toBe("ECONNREFUSED");
    } finally {
      server.close();
    }
  });

  it("stops accepting connections after close", async () => {
    const lab = await startLab({ pagePort: 0, apiPort: 0 });
    await lab.close();
    expect(await tryConnect("127.0.0.1", portOf(lab.pageOrigin))).toBe(
      "ECONNREFUSED",
    );
    expect(await tryConnect("127.0.0.1", portOf(lab.apiOrigin))).toBe(
      "ECONNREFUSED",
    );
  });

  it("allows close to be called twice", async () => {
    const lab = await startLab({ pagePort: 0, apiPort: 0 });
    await lab.close();
    await expect(lab.close()).resolves.toBeUndefined();
  });
});

describe("request recording", () => {
  it("records method, URL and headers of both servers", async () => {
    const lab = await startTestLab();
    await sendRawRequest(`${lab.pageOrigin}/`, "GET");
    await sendRawRequest(`${lab.apiOrigin}/api/passing-put?try=1`, "OPTIONS", {
      Origin: lab.pageOrigin,
      "X-Twice": "a",
    });

    const requests = lab.requests();
    expect(
      requests.map((request) => [request.server, request.method, request.url]),
    ).toEqual([
      ["page", "GET", "/"],
      ["api", "OPTIONS", "/api/passing-put?try=1"],
    ]);
    expect(requests[1]?.headers).toContainEqual({
      name: "Origin",
      value: lab.pageOrigin,
    });
    expect(requests[1]?.headers).toContainEqual({
      name: "X-Twice",
      value: "a",
    });
  });

  it("returns a copy that later requests do not change", async () => {
    const lab = await startTestLab();
    const before = lab.requests();
    await sendRawRequest(`${lab.pageOrigin}/`, "GET");
    expect(before).toHaveLength(0);
    expect(lab.requests()).toHaveLength(1);
  });
});

describe("verbose logging", () => {
  it("logs one line per request when verbose", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const lab = await startTestLab(true);
      await sendRawRequest(`${lab.apiOrigin}/api/passing-put`, "PUT");
      await vi.waitFor(() => {
        expect(log).toHaveBeenCalledWith("lab api PUT /api/passing-put 200");
      });
      expect(log).toHaveBeenCalledTimes(1);
    } finally {
      log.mockRestore();
    }
  });

  it("logs nothing by default", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const lab = await startTestLab();
      await sendRawRequest(`${lab.apiOrigin}/api/passing-put`, "PUT");
      await sendRawRequest(`${lab.pageOrigin}/`, "GET");
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });
});
