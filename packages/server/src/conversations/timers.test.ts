import { and, eq } from "drizzle-orm";
import type { TestClock } from "pg-boss";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestServer, type TestServer, testDatabases } from "../../test/test-server.ts";
import { WebChatClient } from "../../test/web-chat-client.ts";
import { conversationMessages, conversations } from "../database/schema/index.ts";
import { demoOrganization, eventually, publishTutorialAsDefault } from "./test-setup.ts";

const minute = 60_000;

describe.each(testDatabases)("conversation timers on %s", (kind) => {
  let server: TestServer;
  let clock: TestClock;
  let client: WebChatClient;

  beforeEach(async () => {
    server = await createTestServer(kind, {
      manualClock: true,
      manualClockStart: Date.parse("2026-11-24T10:00:00Z"),
    });
    clock = server.clock as TestClock;
    const { organization, brandId } = await demoOrganization(server);
    await publishTutorialAsDefault(server, organization.id, brandId, (definition) => {
      definition.settings.volumeControl.reminder = {
        ...definition.settings.volumeControl.reminder,
        enabled: true,
        afterMinutes: 5,
      };
      definition.settings.volumeControl.abandon = {
        ...definition.settings.volumeControl.abandon,
        enabled: true,
        afterMinutes: 10,
        action: "transfer",
      };
    });
    client = new WebChatClient(await server.listen());
    await client.start({ brandId, session: { language: "en" } });
  });
  afterEach(() => server.close());

  /** Moves the shared clock: turns read it, and pg-boss sees due jobs by it. */
  async function advance(milliseconds: number): Promise<void> {
    await clock.setTime(clock.now() + milliseconds);
    await clock.tick(1000);
  }

  async function transcript(): Promise<Array<{ author: string; text: unknown }>> {
    const rows = await server.connection.database
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.conversationId, client.conversationId))
      .orderBy(conversationMessages.sequence);
    return rows.map(({ author, body }) => ({ author, text: "text" in body ? body.text : undefined }));
  }

  async function conversation() {
    const [row] = await server.connection.database
      .select()
      .from(conversations)
      .where(and(eq(conversations.id, client.conversationId)));
    if (!row) throw new Error("the conversation is gone");
    return row;
  }

  it("reminds once when the customer is silent, then hands the abandoned conversation to agents once", {
    timeout: 30_000,
  }, async () => {
    await advance(4 * minute);
    expect(await transcript()).toHaveLength(2);

    await advance(1.5 * minute);
    const reminded = await eventually(async () => {
      const messages = await transcript();
      return messages.length > 2 && messages;
    });
    expect(reminded.slice(2).map((message) => message.text)).toEqual([
      "Are you still there?",
      "First, what's your name?",
    ]);

    await advance(4 * minute);
    expect(await transcript()).toHaveLength(4);
    await advance(7 * minute);
    const abandoned = await eventually(async () => {
      const row = await conversation();
      return row.status === "transferred" && row;
    });
    expect(abandoned.assistantStatus).toBe("transferred");
    const messages = await transcript();
    expect(messages.filter((message) => message.text === "Are you still there?")).toHaveLength(1);
    expect(
      messages.filter((message) => String(message.text).includes("haven't heard from you")),
    ).toHaveLength(1);
    expect(messages.at(-1)).toEqual({ author: "system", text: "Transferred to an agent" });
    expect(abandoned.timerJobs).toEqual({});

    // Nothing fires again once the assistant has handed over.
    await advance(30 * minute);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await transcript()).toHaveLength(messages.length);
  });

  it("moves the reminder when the customer answers in time", async () => {
    await advance(4 * minute);
    await client.send({ text: "Ada" });
    await advance(2 * minute);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The name's reminder was cancelled; the next question's is not due yet.
    expect((await transcript()).some((message) => message.text === "Are you still there?")).toBe(false);
    await advance(4 * minute);
    const reminded = await eventually(async () => {
      const messages = await transcript();
      return messages.some((message) => message.text === "Are you still there?") && messages;
    });
    expect(reminded.at(-1)?.text).toBe("Thanks! Which team would you like to talk to?");
  });
});
