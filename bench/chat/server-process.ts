/**
 * The load generator's handle on a benchmark child (the server, or the scheduler
 * alone): starting it, its commands, and what the kernel says of it (resident memory
 * and CPU time from /proc), so the figures are the child's alone.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import type { DatabaseKind } from "./database.ts";
import { processCpuSeconds } from "./postgres-cpu.ts";
import type { Answers, Command, Reply } from "./server-commands.ts";

/** What every benchmark child prints once it is ready. */
export interface ChildReady {
  /** Its PostgreSQL database, whose backends' CPU time is measured; null on PGlite. */
  databaseName: string | null;
}

type CommandBody = Command extends infer Each ? (Each extends Command ? Omit<Each, "id"> : never) : never;

export class ServerProcess<Ready extends ChildReady = ChildReady> {
  /** What the child printed once it was ready. */
  readonly ready: Ready;
  private readonly child: ChildProcess;
  private nextId = 0;
  private readonly pending = new Map<number, (reply: Reply) => void>();

  private constructor(child: ChildProcess, ready: Ready) {
    this.child = child;
    this.ready = ready;
    child.on("message", (reply: Reply) => {
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
    // A child that dies mid-test must fail the run rather than leave it waiting for an answer.
    child.once("exit", (code) => {
      for (const [id, settle] of this.pending) settle({ id, error: `the process exited with ${code}` });
      this.pending.clear();
    });
  }

  static async start<Ready extends ChildReady>(
    script: string,
    kind: DatabaseKind,
    postgresUrl: string,
    nodeOptions: string[] = [],
  ): Promise<ServerProcess<Ready>> {
    const child = spawn(process.execPath, [...nodeOptions, script, kind, postgresUrl], {
      stdio: ["ignore", "pipe", "inherit", "ipc"],
    });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const first = await new Promise<string>((resolve, reject) => {
      lines.once("line", resolve);
      child.once("exit", (code) => reject(new Error(`${script} on ${kind} exited with ${code}`)));
    });
    return new ServerProcess(child, JSON.parse(first) as Ready);
  }

  request<Type extends keyof Answers>(command: Extract<CommandBody, { type: Type }>): Promise<Answers[Type]> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) => {
        if ("error" in reply) reject(new Error(`the server failed to ${command.type}: ${reply.error}`));
        else resolve(reply.result as Answers[Type]);
      });
      this.child.send({ ...command, id });
    });
  }

  /** Resident memory in bytes, now and at its highest since the process started. */
  memory(): { rss: number; peak: number } {
    const status = readFileSync(`/proc/${this.child.pid}/status`, "utf8");
    const kilobytes = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rss: kilobytes("VmRSS") * 1024, peak: kilobytes("VmHWM") * 1024 };
  }

  /** User plus system CPU seconds the child has used so far. */
  cpuSeconds(): number {
    return processCpuSeconds(this.child.pid ?? 0);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once("exit", () => resolve());
      this.child.kill("SIGTERM");
    });
  }
}
