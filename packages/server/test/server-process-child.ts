/**
 * `parley serve` as a real child process, for tests that kill a server the hard way: a node in
 * this process (server-nodes.ts) cannot be SIGKILLed without killing the test too.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { testOutgoing, testSecretKey } from "./test-server.ts";

const parleyCommand = fileURLToPath(new URL("../../cli/bin/parley.js", import.meta.url));

export interface ServerProcess {
  baseUrl: string;
  /** Resolves once the process has exited, whichever way. */
  exited: Promise<void>;
  /** What the process wrote to stderr, for a failure's message. */
  errors(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts `parley serve` on a PostgreSQL database and resolves once it listens. */
export async function startServerProcess(databaseUrl: string, startTimeoutMilliseconds = 60_000) {
  const child = spawn(process.execPath, [parleyCommand, "serve"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "info",
      PARLEY_SECRET_KEY: testSecretKey,
      // The fake providers tests start listen on loopback, which an operator must allow.
      PARLEY_ALLOWED_OUTGOING_HOSTS: (testOutgoing.allowedHosts ?? []).join(","),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseUrl = await listeningAddress(child, exited, startTimeoutMilliseconds, () => stderr);
  return {
    baseUrl,
    exited,
    errors: () => stderr,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  } satisfies ServerProcess;
}

/** Reads the JSON log lines until the one that says where the server listens. */
function listeningAddress(
  child: ChildProcess,
  exited: Promise<void>,
  timeoutMilliseconds: number,
  stderr: () => string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`parley serve did not listen within ${timeoutMilliseconds} ms: ${stderr()}`));
    }, timeoutMilliseconds);
    lines.on("line", (line) => {
      const entry = parseLogLine(line);
      if (typeof entry?.address !== "string" || entry.msg !== "Parley is listening") return;
      clearTimeout(timer);
      // Later lines are not read; a paused pipe that fills up must not block the child.
      lines.close();
      child.stdout?.resume();
      resolve(entry.address);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`parley serve exited before listening: ${stderr()}`));
    });
  });
}

function parseLogLine(line: string): Record<string, unknown> | null {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}
