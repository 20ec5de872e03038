import { randomUUID } from "node:crypto";
import type { ConversationEvent } from "@parley/engine";
import { and, asc, eq } from "drizzle-orm";
import type { ConversationRunner } from "../../conversations/runner.ts";
import type { Database, Executor } from "../../database/connection.ts";
import { brands, customers } from "../../database/schema/index.ts";
import type { ConnectionRow } from "../connections/connection-store.ts";
import { messagingAdapters } from "./adapters.ts";
import type { InboundContent, InboundCustomerMessage } from "./messaging-adapter.ts";

const e164 = /^\+[1-9][0-9]{6,14}$/;

/** What the engine hears of a customer's message; a caption after a file arrives as its own text. */
export function eventsOf(content: InboundContent): Array<{ suffix: string; event: ConversationEvent }> {
  switch (content.type) {
    case "text":
      return [{ suffix: "", event: { type: "customer.text", text: content.text } }];
    case "choice":
      return [{ suffix: "", event: { type: "customer.choice", optionId: content.optionId } }];
    case "media": {
      const attachments = content.media.slice(0, 10).map((media) => ({
        url: media.url.slice(0, 2048),
        mediaType: media.mediaType.slice(0, 128),
        ...(media.name ? { name: media.name.slice(0, 255) } : {}),
      }));
      const events: Array<{ suffix: string; event: ConversationEvent }> = [
        { suffix: "", event: { type: "customer.attachment", attachments } },
      ];
      if (content.caption?.trim())
        events.push({ suffix: "#caption", event: { type: "customer.text", text: content.caption } });
      return events;
    }
    case "location": {
      const where = `${content.latitude}, ${content.longitude}`;
      return [
        {
          suffix: "",
          event: {
            type: "customer.text",
            text: content.label ? `📍 ${content.label} (${where})` : `📍 ${where}`,
          },
        },
      ];
    }
    case "unsupported":
      return [{ suffix: "", event: { type: "customer.text", text: `[${content.description}]` } }];
  }
}

/**
 * The customer behind a phone number: the organization's customer with that phone, or a new one
 * with the name their WhatsApp profile shows, so agents and rules see who wrote.
 */
async function customerOf(
  executor: Executor,
  organizationId: string,
  message: InboundCustomerMessage,
): Promise<string | null> {
  if (!e164.test(message.from)) return null;
  const [known] = await executor
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.organizationId, organizationId), eq(customers.phone, message.from)))
    .orderBy(asc(customers.createdAt))
    .limit(1);
  if (known) return known.id;
  const [created] = await executor
    .insert(customers)
    .values({
      id: randomUUID(),
      organizationId,
      phone: message.from,
      name: message.profileName?.slice(0, 200) ?? "",
    })
    .returning({ id: customers.id });
  return created?.id ?? null;
}

/** The connection's brand, or the organization's first: the one whose default assistants apply. */
async function brandOf(executor: Executor, connection: ConnectionRow): Promise<string | null> {
  if (connection.brandId) return connection.brandId;
  const [first] = await executor
    .select({ id: brands.id })
    .from(brands)
    .where(eq(brands.organizationId, connection.organizationId))
    .orderBy(asc(brands.createdAt), asc(brands.id))
    .limit(1);
  return first?.id ?? null;
}

/** A verified customer message becomes a turn of their open conversation on this number, or a new one. */
export async function receiveCustomerMessage(
  database: Database,
  runner: ConversationRunner,
  connection: ConnectionRow,
  message: InboundCustomerMessage,
): Promise<{ conversationId: string; duplicate: boolean }> {
  const adapter = messagingAdapters[connection.provider];
  const channel = adapter.channelOf(connection.kind);
  const customerId = await customerOf(database, connection.organizationId, message);
  const brandId = await brandOf(database, connection);
  const text = message.content.type === "text" ? message.content.text.slice(0, 4096) : undefined;
  const ruleFacts =
    connection.provider === "twilio"
      ? { phoneNumber: connection.address }
      : { whatsappId: connection.address };
  let outcome: { conversationId: string; duplicate: boolean } | null = null;
  for (const { suffix, event } of eventsOf(message.content)) {
    const providerMessageId = `${message.providerMessageId}${suffix}`;
    const turn = await runner.receive({
      start: {
        organizationId: connection.organizationId,
        brandId,
        channel,
        session: {},
        customerId,
        contact: { connectionId: connection.id, address: message.from },
        ruleFacts: { ...ruleFacts, message: text === undefined ? { attachmentCount: 1 } : { text } },
      },
      providerMessageId,
      inbound: { key: `message:${providerMessageId}`, event },
    });
    outcome ??= { conversationId: turn.conversation.id, duplicate: turn.duplicate };
  }
  if (!outcome) throw new Error("a customer message always has an event");
  return outcome;
}
