import { type Command, Option } from "commander";
import { CliError, exitCodes } from "./exit-codes.ts";

/** Where a command that talks to a running server sends its requests. */
export interface ServerOptions {
  server: string;
  key?: string;
}

export const defaultServerUrl = "http://localhost:3000";

/** Adds --server and --key, read from PARLEY_URL and PARLEY_API_KEY when not given. */
export function addServerOptions(command: Command): Command {
  return command
    .addOption(new Option("--server <url>", "the Parley server").env("PARLEY_URL").default(defaultServerUrl))
    .addOption(new Option("--key <key>", "an API key of the organization").env("PARLEY_API_KEY"));
}

/** A problem in an error answer: where, which rule, what. */
export interface ServerProblem {
  in?: string;
  path: string;
  code: string;
  message: string;
  severity?: "error" | "warning";
}

/** A 4xx or 5xx answer, with what the server said. */
export class ServerError extends CliError {
  readonly status: number;
  readonly code: string;
  readonly problems: ServerProblem[];

  constructor(status: number, code: string, message: string, problems: ServerProblem[]) {
    super(message, exitCodes.failure);
    this.name = "ServerError";
    this.status = status;
    this.code = code;
    this.problems = problems;
  }
}

export interface ApiResponse<Body> {
  status: number;
  headers: Headers;
  body: Body;
}

function baseUrl(server: string): URL {
  try {
    const url = new URL(server);
    if (url.protocol === "http:" || url.protocol === "https:") return url;
  } catch {
    // Reported below with the value the person typed.
  }
  throw new CliError(`option --server: ${JSON.stringify(server)} is not an http:// or https:// URL`);
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Sends one request to the Parley API and returns the JSON answer. Anything
 * but a 2xx becomes a ServerError whose message names the request, the HTTP
 * status and the server's own message.
 */
export async function callApi<Body>(
  options: ServerOptions,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResponse<Body>> {
  if (!options.key) {
    throw new CliError("no API key: pass --key <key> or set PARLEY_API_KEY");
  }
  const url = new URL(path.replace(/^\//, ""), `${baseUrl(options.server).href.replace(/\/?$/, "/")}`);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${options.key}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new CliError(`cannot reach the server at ${url.origin}: ${causeOf(error)}`, exitCodes.failure);
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text === "" ? null : JSON.parse(text);
  } catch {
    // A proxy's HTML error page, say: the status line is all there is to report.
  }
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string; problems?: ServerProblem[] } })
      ?.error;
    throw new ServerError(
      response.status,
      error?.code ?? "http_error",
      `${method} ${url.pathname} failed with HTTP ${response.status}: ${error?.message ?? (response.statusText || "no message")}`,
      error?.problems ?? [],
    );
  }
  return { status: response.status, headers: response.headers, body: parsed as Body };
}
