export { CliError, exitCodes } from "./exit-codes.ts";
export type { CliIo } from "./io.ts";
export { createProgram, main } from "./main.ts";
export { formatProblem, type Problem } from "./problems.ts";
