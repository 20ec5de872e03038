/** Where a command writes. The bin passes the process streams; tests may pass collectors. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: CliIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
};

/** What an action hands back to main: the exit code it decided on. */
export interface CommandContext {
  io: CliIo;
  exitCode: number;
}

/** JSON as parley writes it: 2-space indent and a final newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
