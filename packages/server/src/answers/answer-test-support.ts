/**
 * What the AI answer tests share: a published respond-with-AI assistant, a preview chat with it
 * over the real web chat socket, and questions asked in it.
 */
import { randomUUID } from "node:crypto";
import { type Assistant, createAssistantFromTemplate } from "@parley/model";
import { expect } from "vitest";
import type { TestServer } from "../../test/test-server.ts";
import { type ChatMessage, WebChatClient } from "../../test/web-chat-client.ts";
import { assistants, assistantVersions } from "../database/schema/index.ts";

/** Stores an assistant with its definition as both the draft and live version 1. */
export async function publishAssistant(
  server: TestServer,
  organizationId: string,
  definition: Assistant,
): Promise<void> {
  const { database } = server.connection;
  await database.insert(assistants).values({
    id: definition.id,
    organizationId,
    publicId: definition.publicId,
    internalName: definition.internalName,
    channel: definition.channel,
    type: definition.type,
    draft: definition,
    liveVersion: 1,
  });
  await database.insert(assistantVersions).values({ assistantId: definition.id, version: 1, definition });
}

export interface ProfileChoice {
  /** The profile of the assistant's settings: for AI responses that name none. */
  assistantProfileId?: string;
  /** The profile the AI response itself names. */
  interactionProfileId?: string;
  internalName?: string;
}

/** The respond-with-AI template on a knowledge base, naming AI profiles where asked. */
export function respondWithAiAssistant(knowledgeBaseId: string, choice: ProfileChoice = {}): Assistant {
  const id = randomUUID();
  const definition = createAssistantFromTemplate("respond-with-ai", {
    id,
    publicId: `pub-${id}`,
    knowledgeBaseId,
  });
  if (choice.internalName) definition.internalName = choice.internalName;
  if (choice.assistantProfileId) definition.settings.aiProfileId = choice.assistantProfileId;
  if (choice.interactionProfileId) {
    const dialog = definition.dialogs.find((candidate) => candidate.id === "ask-question");
    if (dialog?.end?.kind !== "ai_response")
      throw new Error("the template has no AI response to name a profile");
    dialog.end.aiProfileId = choice.interactionProfileId;
  }
  return definition;
}

/** A preview conversation with a published assistant, its socket connected. */
export async function previewChat(
  server: TestServer,
  key: string,
  baseUrl: string,
  assistantId: string,
): Promise<WebChatClient> {
  const response = await server.request(key, {
    method: "POST",
    url: `/v1/assistants/${assistantId}/preview`,
    payload: {},
  });
  expect(response.statusCode, response.body).toBe(201);
  const client = new WebChatClient(baseUrl);
  client.adopt(response.json());
  await client.connect();
  return client;
}

/** Sends a question and waits for the assistant's first reply after it that matches. */
export async function ask(
  client: WebChatClient,
  text: string,
  replies: (message: ChatMessage) => boolean,
  timeoutMilliseconds = 15_000,
): Promise<ChatMessage> {
  const question = await client.send({ text });
  return client.waitFor(
    (message) => message.sequence > (question.sequence ?? 0) && replies(message),
    timeoutMilliseconds,
  );
}
