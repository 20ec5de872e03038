import { randomUUID } from "node:crypto";
import { type Channel, createAssistantFromTemplate } from "@parley/model";
import { eq } from "drizzle-orm";
import type { Database } from "../database/connection.ts";
import { assistants, assistantVersions, brands } from "../database/schema/index.ts";

/** A dialog every fixture assistant has besides Welcome and Complete Assistant, for start dialogs. */
export const shoppingCartDialogId = "shopping-cart";

/**
 * An assistant of the organization, written straight to the tables the way
 * publishing leaves them, so rule tests do not depend on the assistants API.
 */
export async function createTestAssistant(
  database: Database,
  organizationId: string,
  options: { channel?: Channel; published?: boolean } = {},
): Promise<{ id: string; version: number }> {
  const id = randomUUID();
  const publicId = `assistant-${id}`;
  const definition = createAssistantFromTemplate("blank", {
    channel: options.channel ?? "chat",
    id,
    publicId,
  });
  definition.dialogs.push({ id: shoppingCartDialogId, name: "Shopping cart", interactions: [], end: null });
  const published = options.published ?? true;
  await database.insert(assistants).values({
    id,
    organizationId,
    publicId,
    internalName: definition.internalName,
    channel: definition.channel,
    type: definition.type,
    draft: definition,
    liveVersion: published ? 1 : null,
  });
  if (published) await database.insert(assistantVersions).values({ assistantId: id, version: 1, definition });
  return { id, version: 1 };
}

export async function unpublishTestAssistant(database: Database, assistantId: string): Promise<void> {
  await database.update(assistants).set({ liveVersion: null }).where(eq(assistants.id, assistantId));
}

export async function deleteTestAssistant(database: Database, assistantId: string): Promise<void> {
  await database.delete(assistants).where(eq(assistants.id, assistantId));
}

export async function createTestBrand(
  database: Database,
  organizationId: string,
  name: string,
): Promise<string> {
  const id = randomUUID();
  await database.insert(brands).values({ id, organizationId, name });
  return id;
}
