import { randomUUID } from "node:crypto";
import { type Assistant, type Channel, createAssistantFromTemplate } from "@parley/model";
import { eq } from "drizzle-orm";
import type { TestOrganization, TestServer } from "../../test/test-server.ts";
import { createDemoContent } from "../bootstrap/demo-content.ts";
import { assistants, assistantVersions, brands } from "../database/schema/index.ts";
import { setDefaultAssistant } from "../rules/default-assistants.ts";

/** An organization with the demo content: the Demo Store brand whose web chat runs the tutorial. */
export async function demoOrganization(
  server: TestServer,
): Promise<{ organization: TestOrganization; brandId: string }> {
  const organization = await server.organization("Demo");
  await server.connection.database.transaction((transaction) =>
    createDemoContent(transaction, organization.id),
  );
  const [brand] = await server.connection.database
    .select({ id: brands.id })
    .from(brands)
    .where(eq(brands.organizationId, organization.id));
  if (!brand) throw new Error("the demo content has no brand");
  return { organization, brandId: brand.id };
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

/** The tutorial, changed by `change`, published and made the brand's default chat assistant. */
export async function publishTutorialAsDefault(
  server: TestServer,
  organizationId: string,
  brandId: string,
  change: (definition: Assistant) => void,
): Promise<string> {
  const id = await publishTutorial(server, organizationId, "chat", change);
  await setDefaultAssistant(server.connection.database, organizationId, brandId, "chat", id);
  return id;
}

/** Polls until `read` returns something, for work that jobs finish after a request has returned. */
export async function eventually<Value>(
  read: () => Promise<Value | undefined | null | false>,
  timeoutMilliseconds = 5000,
): Promise<Value> {
  const deadline = Date.now() + timeoutMilliseconds;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`nothing after ${timeoutMilliseconds} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
