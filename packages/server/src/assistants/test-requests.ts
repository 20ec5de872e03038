/**
 * Requests the assistant tests share. The definitions are plain JSON, as a
 * client would send them, so tests can also send what the schema refuses.
 */
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { TestServer } from "../../test/test-server.ts";

export type Json = Record<string, unknown>;

export interface CreatedAssistant {
  id: string;
  publicId: string;
  draftRevision: number;
  draft: Json & { dialogs: Json[] };
  [field: string]: unknown;
}

export async function createAssistant(
  server: TestServer,
  key: string,
  body: Json = {},
): Promise<CreatedAssistant> {
  const response = await server.request(key, {
    method: "POST",
    url: "/v1/assistants",
    payload: { internalName: "Support", channel: "chat", type: "premium", ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export function saveDraft(
  server: TestServer,
  key: string,
  id: string,
  definition: unknown,
  ifMatch?: string,
): Promise<LightMyRequestResponse> {
  return server.request(key, {
    method: "PUT",
    url: `/v1/assistants/${id}/draft`,
    payload: definition as Json,
    ...(ifMatch === undefined ? {} : { headers: { "if-match": ifMatch } }),
  });
}

export function publish(server: TestServer, key: string, id: string, ifMatch?: string) {
  return server.request(key, {
    method: "POST",
    url: `/v1/assistants/${id}/publish`,
    ...(ifMatch === undefined ? {} : { headers: { "if-match": ifMatch } }),
  });
}

/** A copy of a definition with one more send-message interaction in Welcome. */
export function withWelcomeMessage(definition: Json & { dialogs: Json[] }, id: string, text: string) {
  const copy = structuredClone(definition);
  const welcome = copy.dialogs[0] as { interactions: Json[] };
  welcome.interactions.push({ id, kind: "send_message", text });
  return copy;
}

export function problemPaths(response: LightMyRequestResponse): string[] {
  return response.json().error.problems.map((problem: { path: string }) => problem.path);
}
