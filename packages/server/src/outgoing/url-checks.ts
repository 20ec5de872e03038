import { ApiError, type ProblemDetail } from "../http/errors.ts";
import type { OutgoingClient } from "./guarded-fetch.ts";

/** The problem of a URL field whose host the server will not connect to; `refusal` says why. */
export function addressProblem(path: string, refusal: string): ProblemDetail {
  return {
    in: "body",
    path,
    code: "address_not_allowed",
    message: `must reach a public address: ${refusal}`,
  };
}

/**
 * Refuses, while the URL is saved, one the connection would refuse later, so the admin learns it
 * at once instead of from a failed delivery. The connection checks again: DNS may change.
 */
export async function assertReachable(outgoing: OutgoingClient, path: string, url: string): Promise<void> {
  const refusal = await outgoing.refusalOf(url);
  if (refusal === null) return;
  throw new ApiError(422, "address_not_allowed", `The URL at ${path} is not allowed: ${refusal}.`, {
    problems: [addressProblem(path, refusal)],
  });
}
