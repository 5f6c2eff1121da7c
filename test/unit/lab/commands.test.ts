import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const PROJECT_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const children: ChildProcess[] = [];

interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function startCommand(script: string, args: readonly string[]): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DISPLAY: "", WAYLAND_DISPLAY: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return child;
}

function runToExit(
  script: string,
  args: readonly string[],
): Promise<CommandResult> {
  const child = startCommand(script, args);
  return collectUntilExit(child);
}

function collectUntilExit(child: ChildProcess): Promise<CommandResult> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function waitForOutput(child: ChildProcess, text: string): Promise<string> {
  let stdout = "";
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes(text)) resolve(stdout);
    });
    child.once("close", (code) => {
      reject(
        new Error(`exited with ${String(code)} before printing "${text}"`),
      );
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

afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }
});

/**
 * Each test starts a Node process through tsx, which can outlast vitest's
 * default 5 s on a busy machine.
 */
const COMMAND_TIMEOUT = 20_000;

describe("npm run lab", { timeout: COMMAND_TIMEOUT }, () => {
  it("prints both origins and stops on SIGINT", async () => {
    const child = startCommand("src/lab/serve.ts", [
      "--page-port",
      "0",
      "--api-port",
      "0",
    ]);
    const exited = collectUntilExit(child);
    const output = await waitForOutput(child, "Press Ctrl-C to stop.");
    expect(output).toMatch(/Lab page: +http:\/\/127\.0\.0\.1:\d+\//);
    expect(output).toMatch(/Scenario API: +http:\/\/127\.0\.0\.1:\d+\/api\//);

    child.kill("SIGINT");
    expect((await exited).code).toBe(0);
  });

  it("names a taken port in one line", async () => {
    const { server, port } = await occupyPort();
    try {
      const result = await runToExit("src/lab/serve.ts", [
        "--page-port",
        String(port),
        "--api-port",
        "0",
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `npm run lab: Port ${port} on 127.0.0.1 is already in use. The lab page needs it; choose another port with --page-port.\n`,
      );
    } finally {
      server.close();
    }
  });

  it("exits with code 2 on an unknown option", async () => {
    const result = await runToExit("src/lab/serve.ts", ["--port", "80"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "npm run lab: unknown option --port (options: --page-port, --api-port, --verbose, --help)\n",
    );
  });
});

describe("npm start", { timeout: COMMAND_TIMEOUT }, () => {
  it("exits with code 2 on an unknown option before building", async () => {
    const result = await runToExit("src/lab/start.ts", ["--port"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "npm start: unknown option --port (options: --browser, --page-port, --api-port, --verbose, --help)\n",
    );
  });

  it("exits with code 2 on an unknown browser before building", async () => {
    const result = await runToExit("src/lab/start.ts", ["--browser", "safari"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      'npm start: invalid value "safari" for --browser: expected chrome or firefox (options: --browser, --page-port, --api-port, --verbose, --help)\n',
    );
  });

  it("prints its options for --help", async () => {
    const result = await runToExit("src/lab/start.ts", ["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: npm start [options]");
    expect(result.stdout).toContain("--page-port <port>");
    expect(result.stdout).toContain("--browser <name>");
  });
});
