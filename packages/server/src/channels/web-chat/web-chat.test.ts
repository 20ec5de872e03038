import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer, testDatabases } from "../../../test/test-server.ts";
import { WebChatClient } from "../../../test/web-chat-client.ts";
import { feedChannel } from "../../conversations/feed-notice.ts";
import { demoOrganization } from "../../conversations/test-setup.ts";
import { conversations, teams } from "../../database/schema/index.ts";

describe.each(testDatabases)("web chat on %s", (kind) => {
  let server: TestServer;
  let baseUrl: string;
  let brandId: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    ({ brandId } = await demoOrganization(server));
    baseUrl = await server.listen();
  });
  afterAll(() => server.close());

  it("runs the tutorial over a real socket from the first message to the transfer, saving what it collected", async () => {
    const client = new WebChatClient(baseUrl);
    const started = await client.start({
      brandId,
      session: { language: "en-US", currentPage: "https://shop.example/" },
    });
    expect(started.conversation.status).toBe("open");
    expect(started.messages.map((message) => message.body.text)).toEqual([
      expect.stringContaining("I'm a bot"),
      "First, what's your name?",
    ]);
    await client.connect();

    const name = await client.send({ text: "Ada" });
    const teamQuestion = await client.nextFromAssistant(name.sequence ?? 0);
    expect(teamQuestion.body).toMatchObject({
      kind: "buttons",
      text: "Thanks! Which team would you like to talk to?",
    });
    const options = teamQuestion.body.options as Array<{ id: string; label: string }>;
    const shipping = options.find((option) => option.label === "Shipping");
    expect(shipping).toBeDefined();

    const choice = await client.send({ optionId: shipping?.id ?? "" });
    await client.waitFor((message) => message.author === "system" && message.body.event === "transferred");
    const farewell = await client.nextFromAssistant(choice.sequence ?? 0);
    expect(farewell.body.text).toContain("Thanks, Ada!");
    expect(client.received.find((message) => message.sequence === choice.sequence)?.body).toMatchObject({
      kind: "choice",
      label: "Shipping",
    });

    const [row] = await server.connection.database
      .select()
      .from(conversations)
      .where(eq(conversations.id, client.conversationId));
    expect(row?.status).toBe("transferred");
    expect(row?.assistantStatus).toBe("transferred");
    const [shippingTeam] = await server.connection.database
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.organizationId, row?.organizationId ?? ""), eq(teams.name, "Shipping")));
    expect(row?.teamId).toBe(shippingTeam?.id);
    expect(row?.attributes).toMatchObject({ assignedTeams: ["Shipping"] });
    expect(row?.customerAttributes).toMatchObject({ name: "Ada" });
    // Every message reached the socket once, in order.
    const sequences = client.received.map((message) => message.sequence);
    expect(sequences).toEqual([...new Set(sequences)].sort((left, right) => left - right));
    client.disconnect();
  });

  it("trusts a notice's messages only when they follow the last one sent, and reads the database otherwise", async () => {
    const client = new WebChatClient(baseUrl);
    const started = await client.start({ brandId, session: { language: "en" } });
    await client.connect();
    const last = started.conversation.lastSequence;
    // A notice from nowhere, skipping a sequence number: the socket must not believe it.
    const forged = {
      sequence: last + 2,
      author: "assistant",
      authorId: null,
      body: { kind: "text", text: "not stored anywhere" },
      createdAt: new Date().toISOString(),
    };
    await server.connection.notify(
      feedChannel,
      JSON.stringify({ conversationId: client.conversationId, lastSequence: last + 2, messages: [forged] }),
    );
    const name = await client.send({ text: "Ada" });
    await client.nextFromAssistant(name.sequence ?? 0);
    expect(client.received.some((message) => message.body.text === "not stored anywhere")).toBe(false);
    const sequences = client.received.map((message) => message.sequence);
    // Nothing skipped or repeated: the start's messages, then the turn's, one after another.
    expect(sequences).toEqual(sequences.map((_, index) => index + 1));
    expect(sequences.length).toBeGreaterThan(last + 1);
    client.disconnect();
  });
});
