import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer, testDatabases } from "../../test/test-server.ts";
import { WebChatClient } from "../../test/web-chat-client.ts";
import { conversationActivity, conversations } from "../database/schema/index.ts";
import { demoOrganization } from "./test-setup.ts";

describe.each(testDatabases)("runtime errors on %s", (kind) => {
  let server: TestServer;
  let baseUrl: string;
  let brandId: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    ({ brandId } = await demoOrganization(server));
    baseUrl = await server.listen();
  });
  afterAll(() => server.close());

  it("keeps the customer's message and hands the conversation to an agent when the assistant cannot run", async () => {
    const client = new WebChatClient(baseUrl);
    await client.start({ brandId, session: {} });
    await client.connect();
    // The version the conversation runs disappears (a bad migration, a manual delete).
    await server.connection.database
      .update(conversations)
      .set({ assistantVersion: 999 })
      .where(eq(conversations.id, client.conversationId));

    const sent = await client.send({ text: "Ada" });
    expect(sent.sequence).toBe(3);
    await client.waitFor((message) => message.author === "system" && message.body.event === "transferred");
    const [row] = await server.connection.database
      .select()
      .from(conversations)
      .where(eq(conversations.id, client.conversationId));
    expect(row).toMatchObject({ status: "transferred", assistantStatus: "transferred", timerJobs: {} });
    const activity = await server.connection.database
      .select()
      .from(conversationActivity)
      .where(eq(conversationActivity.conversationId, client.conversationId));
    expect(activity.find((entry) => entry.kind === "runtime_error")?.data).toEqual({
      error: "the assistant version this conversation runs no longer exists",
    });
    // The customer can keep writing to the agent.
    expect((await client.send({ text: "Hello?" })).duplicate).toBe(false);
  });
});
