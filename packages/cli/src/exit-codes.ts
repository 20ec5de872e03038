/** Exit codes of every parley command; docs/cli.md lists them for users. */
export const exitCodes = {
  ok: 0,
  /** The input was read but is not acceptable: an invalid assistant, a failed test, an unexpected error. */
  failure: 1,
  /** The command line is wrong or a file cannot be read or written. */
  usage: 2,
} as const;

/**
 * An error the user can act on: printed as one line on stderr, without a stack
 * trace, and the process exits with `exitCode`.
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number = exitCodes.usage) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
