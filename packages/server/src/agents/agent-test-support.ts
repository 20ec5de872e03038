import type { InjectOptions, LightMyRequestResponse } from "fastify";
import type { TestOrganization, TestServer } from "../../test/test-server.ts";
import { type ChatMessage, WebChatClient } from "../../test/web-chat-client.ts";
import { csrfHeader, sessionCookie } from "../http/authentication.ts";
import type { Role } from "../http/scopes.ts";

/**
 * For the hooks that start a test server: PGlite's start and migrations take seconds
 * alone, and more than vitest's 10 s default on a busy machine running suites side by side.
 */
export const serverStartMilliseconds = 60_000;

/** A person signed in to the console: requests carry the session cookie and the CSRF header. */
export interface SignedInUser {
  userId: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function signIn(
  server: TestServer,
  organization: TestOrganization,
  role: Role,
): Promise<SignedInUser> {
  const credentials = await organization.user(role);
  const response = await server.request(null, { method: "POST", url: "/v1/session", payload: credentials });
  if (response.statusCode !== 200) throw new Error(`sign in: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((candidate) => candidate.name === sessionCookie);
  return {
    userId: response.json().user.id,
    request: (options) =>
      server.request(null, {
        ...options,
        cookies: { [sessionCookie]: cookie?.value ?? "" },
        headers: { [csrfHeader]: "1", ...options.headers },
      }),
  };
}

export async function teamIds(server: TestServer, key: string): Promise<Record<string, string>> {
  const response = await server.request(key, { method: "GET", url: "/v1/teams" });
  const teams = response.json().data as Array<{ id: string; name: string }>;
  return Object.fromEntries(teams.map((team) => [team.name, team.id]));
}

async function messagesOf(client: WebChatClient): Promise<ChatMessage[]> {
  const response = await client.request("GET", "/messages?after=0");
  return ((await response.json()) as { messages: ChatMessage[] }).messages;
}

/** A tutorial conversation that has just started: the assistant is running and asks for a name. */
export async function startedConversation(baseUrl: string, brandId: string): Promise<WebChatClient> {
  const client = new WebChatClient(baseUrl);
  await client.start({ brandId, session: { language: "en" } });
  return client;
}

/**
 * The tutorial up to its transfer: the customer gives a name and picks a team. Turns
 * run inside the request, so the team question is stored by the time `send` returns.
 */
export async function transferredConversation(
  baseUrl: string,
  brandId: string,
  team: "CX" | "Sales" | "Shipping",
): Promise<WebChatClient> {
  const client = await startedConversation(baseUrl, brandId);
  await client.send({ text: "Ada" });
  const question = (await messagesOf(client)).findLast((message) => message.body.kind === "buttons");
  const options = (question?.body.options ?? []) as Array<{ id: string; label: string }>;
  const option = options.find((candidate) => candidate.label === team);
  if (!option) throw new Error(`the tutorial offered no ${team} button`);
  await client.send({ optionId: option.id });
  return client;
}
