import { randomUUID } from "node:crypto";
import { type Assistant, type Channel, createAssistantFromTemplate } from "@parley/model";
import { and, asc, eq } from "drizzle-orm";
import { demoOrganization } from "../src/conversations/test-setup.ts";
import {
  assistants,
  assistantVersions,
  conversationActivity,
  conversationMessages,
  conversations,
  messageDeliveries,
} from "../src/database/schema/index.ts";
import { setDefaultAssistant } from "../src/rules/default-assistants.ts";
import type { TestOrganization, TestServer } from "./test-server.ts";

/**
 * An organization whose brand runs the tutorial on `channel`, reached through one channel
 * connection created over the API: what end-to-end tests of every messaging provider share.
 */
export interface ChannelFixture {
  organization: TestOrganization;
  brandId: string;
  assistantId: string;
  connectionId: string;
  webhookUrl: string;
}

export async function connectTutorial(
  server: TestServer,
  baseUrl: string,
  options: {
    channel: Channel;
    connection: Record<string, unknown>;
    change?: (definition: Assistant) => void;
  },
): Promise<ChannelFixture> {
  const { organization, brandId } = await demoOrganization(server);
  const id = await publishTutorial(server, organization.id, options.channel, options.change);
  await setDefaultAssistant(server.connection.database, organization.id, brandId, options.channel, id);
  const response = await fetch(`${baseUrl}/v1/channel-connections`, {
    method: "POST",
    headers: { authorization: `Bearer ${organization.adminKey}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "Support line", brandId, ...options.connection }),
  });
  const created = (await response.json()) as { id: string; webhookUrl: string };
  if (response.status !== 201) throw new Error(`the connection was refused: ${JSON.stringify(created)}`);
  return { organization, brandId, assistantId: id, connectionId: created.id, webhookUrl: created.webhookUrl };
}

/** The tutorial on `channel`, changed by `change` and published as version 1; returns its id. */
export async function publishTutorial(
  server: TestServer,
  organizationId: string,
  channel: Channel,
  change?: (definition: Assistant) => void,
): Promise<string> {
  const id = randomUUID();
  const definition = createAssistantFromTemplate("tutorial", { id, publicId: `pub-${id}`, channel });
  change?.(definition);
  const { database } = server.connection;
  await database.insert(assistants).values({
    id,
    organizationId,
    publicId: definition.publicId,
    internalName: definition.internalName,
    channel: definition.channel,
    type: definition.type,
    draft: definition,
    liveVersion: 1,
  });
  await database.insert(assistantVersions).values({ assistantId: id, version: 1, definition });
  return id;
}

export async function conversationsOf(server: TestServer, connectionId: string) {
  return server.connection.database
    .select()
    .from(conversations)
    .where(eq(conversations.channelConnectionId, connectionId))
    .orderBy(asc(conversations.startedAt));
}

/** The transcript as text lines: "customer: Ana", "assistant: Thanks…". */
export async function transcriptOf(server: TestServer, conversationId: string): Promise<string[]> {
  const rows = await server.connection.database
    .select()
    .from(conversationMessages)
    .where(eq(conversationMessages.conversationId, conversationId))
    .orderBy(asc(conversationMessages.sequence));
  return rows.map((row) => `${row.author}: ${"text" in row.body ? row.body.text : row.body.kind}`);
}

export async function deliveriesOf(server: TestServer, conversationId: string) {
  return server.connection.database
    .select()
    .from(messageDeliveries)
    .where(eq(messageDeliveries.conversationId, conversationId))
    .orderBy(asc(messageDeliveries.sequence), asc(messageDeliveries.part));
}

export async function activityOf(server: TestServer, conversationId: string, kind: string) {
  return server.connection.database
    .select()
    .from(conversationActivity)
    .where(and(eq(conversationActivity.conversationId, conversationId), eq(conversationActivity.kind, kind)));
}
