/**
 * What the intent tests share: a custom intent as a client would send it, and waiting for
 * the training job that saving it queues.
 */
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { TestServer } from "../../test/test-server.ts";
import { eventually } from "../conversations/test-setup.ts";

export type Json = Record<string, unknown>;

/** Spec 18's cookie store example, with the twelve phrases spec 18 recommends. */
export const cookieFlavors = {
  name: "cookie_flavors",
  title: "Cookie flavors",
  description: "Customers asking which cookies and flavors we bake",
  phrases: [
    "What flavors do you have?",
    "What do the cookies taste like?",
    "Do you have anything with almonds?",
    "Do you have light cookies?",
    "How many types of cookies are there?",
    "Which cookie flavours are available this week?",
    "Is there a chocolate chip option?",
    "Are any of your biscuits sugar free?",
    "I'd love to know your range of cookie varieties",
    "Do you sell oatmeal raisin cookies?",
    "what kinds of cookies can I pick from",
    "Are your cookies sweet or salty?",
  ],
  keywords: { en: ["ingredient", "gluten free"] },
};

export interface Problem {
  in?: string;
  path: string;
  code: string;
  limit?: number | string;
}

export function problemsOf(response: LightMyRequestResponse): Problem[] {
  return response.json().error.problems ?? [];
}

export function postIntent(server: TestServer, key: string, body: Json): Promise<LightMyRequestResponse> {
  return server.request(key, { method: "POST", url: "/v1/intents", payload: body });
}

export async function createdIntent(server: TestServer, key: string, body: Json = cookieFlavors) {
  const response = await postIntent(server, key, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export function getIntent(server: TestServer, key: string, id: string): Promise<LightMyRequestResponse> {
  return server.request(key, { method: "GET", url: `/v1/intents/${id}` });
}

/**
 * Training takes a second or two of CPU in a thread; on a busy test machine, more. The status is
 * read through the API, as a console would poll it.
 */
export async function trainedIntent(
  server: TestServer,
  key: string,
  id: string,
  timeoutMilliseconds = 60_000,
) {
  return eventually(async () => {
    const intent = (await getIntent(server, key, id)).json();
    if (intent.training.status === "failed") throw new Error(`training failed: ${intent.training.error}`);
    return intent.training.status === "trained" ? intent : null;
  }, timeoutMilliseconds);
}
