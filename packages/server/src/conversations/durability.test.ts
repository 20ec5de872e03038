import { and, eq, sql } from "drizzle-orm";
import { TestClock } from "pg-boss";
import { afterEach, describe, expect, it } from "vitest";
import { createStorage, type ServerNode, type Storage, startNode } from "../../test/server-nodes.ts";
import { testDatabases } from "../../test/test-server.ts";
import { WebChatClient } from "../../test/web-chat-client.ts";
import { createOrganization } from "../access/organizations.ts";
import { createDemoContent } from "../bootstrap/demo-content.ts";
import type { Database } from "../database/connection.ts";
import { brands, conversationActivity, conversationMessages } from "../database/schema/index.ts";
import { eventually } from "./test-setup.ts";

const minute = 60_000;

async function demoBrand(database: Database): Promise<string> {
  const organization = await createOrganization(database, "Demo");
  await database.transaction((transaction) => createDemoContent(transaction, organization.id));
  const [brand] = await database
    .select({ id: brands.id })
    .from(brands)
    .where(eq(brands.organizationId, organization.id));
  if (!brand) throw new Error("no demo brand");
  return brand.id;
}

async function advance(clock: TestClock, milliseconds: number): Promise<void> {
  await clock.setTime(clock.now() + milliseconds);
  await clock.tick(1000);
}

async function transcriptOf(database: Database, conversationId: string) {
  return database
    .select()
    .from(conversationMessages)
    .where(eq(conversationMessages.conversationId, conversationId))
    .orderBy(conversationMessages.sequence);
}

describe.each(testDatabases)("durability on %s", (kind) => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup.length = 0;
  });

  async function node(storage: Storage, clock: TestClock): Promise<ServerNode> {
    const started = await startNode(storage, clock);
    cleanup.push(async () => {
      if (started.app.server.listening) await started.stop();
    });
    return started;
  }

  it("continues a conversation across restarts: nothing lost, nothing repeated, timers kept", {
    timeout: 60_000,
  }, async () => {
    const { storage, remove } = await createStorage(kind);
    cleanup.push(remove);
    const clock = new TestClock(Date.parse("2026-11-24T10:00:00Z"));

    let server = await node(storage, clock);
    const brandId = await demoBrand(server.connection.database);
    const client = new WebChatClient(server.baseUrl);
    await client.start({ brandId, session: { language: "en" } });
    await client.connect();
    expect(client.lastSequence()).toBe(2);

    // A restart while the customer is being asked their name; the reminder is pending in the database.
    client.disconnect();
    await server.stop();
    server = await node(storage, clock);
    const resumed = new WebChatClient(server.baseUrl);
    resumed.adopt({
      conversation: { id: client.conversationId } as never,
      visitorToken: client.visitorToken,
      messages: [...client.received],
    });
    await resumed.connect();
    await advance(clock, 6 * minute);
    await resumed.waitFor((message) => message.body.text === "Are you still there?");

    const name = await resumed.send({ text: "Ada" }, "name-1");
    await resumed.nextFromAssistant(name.sequence ?? 0);

    // Another restart; the customer's app did not see the acknowledgement and sends the same message again.
    resumed.disconnect();
    await server.stop();
    server = await node(storage, clock);
    const again = new WebChatClient(server.baseUrl);
    again.adopt({
      conversation: { id: client.conversationId } as never,
      visitorToken: client.visitorToken,
      messages: [...resumed.received],
    });
    expect(await again.send({ text: "Ada" }, "name-1")).toEqual({ sequence: name.sequence, duplicate: true });
    await again.connect();

    const question = [...again.messages.values()].find((message) => message.body.kind === "buttons");
    const options = (question?.body.options ?? []) as Array<{ id: string; label: string }>;
    const shipping = options.find((option) => option.label === "Shipping");
    await again.send({ optionId: shipping?.id ?? "" });
    await again.waitFor((message) => message.author === "system");

    const transcript = await transcriptOf(server.connection.database, client.conversationId);
    const texts = transcript.map(
      ({ author, body }) => `${author}: ${"text" in body ? body.text : "label" in body ? body.label : ""}`,
    );
    expect(texts.filter((text) => text === "customer: Ada")).toHaveLength(1);
    expect(texts.filter((text) => text.includes("Are you still there?"))).toHaveLength(1);
    expect(transcript.map((row) => row.sequence)).toEqual(transcript.map((_, index) => index + 1));
    // What the customer saw, across three servers, is the transcript: each message once.
    const seen = [...again.received.map((message) => message.sequence)];
    expect(new Set(seen).size).toBe(seen.length);
    expect([...again.messages.keys()].sort((left, right) => left - right)).toEqual(
      transcript.map((row) => row.sequence),
    );
  });

  it.runIf(kind === "postgres")(
    "serves one conversation from two processes, each timer firing exactly once",
    { timeout: 60_000 },
    async () => {
      const { storage, remove } = await createStorage(kind);
      cleanup.push(remove);
      const clock = new TestClock(Date.parse("2026-11-24T10:00:00Z"));
      const first = await node(storage, clock);
      const second = await node(storage, clock);
      const brandId = await demoBrand(first.connection.database);

      // The socket is on the first process; messages go to the second.
      const customer = new WebChatClient(second.baseUrl);
      await customer.start({ brandId, session: { language: "en" } });
      const listener = new WebChatClient(first.baseUrl);
      listener.adopt({
        conversation: { id: customer.conversationId } as never,
        visitorToken: customer.visitorToken,
        messages: [],
      });
      await listener.connect();
      const name = await customer.send({ text: "Grace" });
      const question = await listener.nextFromAssistant(name.sequence ?? 0);
      expect(question.body.kind).toBe("buttons");

      // Many conversations wait with a reminder due; both processes' workers compete for them.
      const waiting: string[] = [];
      for (let index = 0; index < 20; index += 1) {
        const other = new WebChatClient(index % 2 === 0 ? first.baseUrl : second.baseUrl);
        await other.start({ brandId, session: { language: "en" } });
        waiting.push(other.conversationId);
      }
      await advance(clock, 6 * minute);
      const database = first.connection.database;
      await eventually(async () => {
        const [row] = await database
          .select({ count: sql<number>`count(*)::int` })
          .from(conversationMessages)
          .where(and(eq(conversationMessages.body, { kind: "text", text: "Are you still there?" })));
        return (row?.count ?? 0) >= 21 && row;
      }, 15_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const conversationId of [...waiting, customer.conversationId]) {
        const reminders = await database
          .select()
          .from(conversationActivity)
          .where(
            and(
              eq(conversationActivity.conversationId, conversationId),
              eq(conversationActivity.kind, "timer"),
            ),
          );
        expect(reminders.map((row) => row.data)).toEqual([{ name: "reminder" }]);
        const transcript = await transcriptOf(database, conversationId);
        expect(
          transcript.filter(({ body }) => "text" in body && body.text === "Are you still there?"),
        ).toHaveLength(1);
      }
      // The reminder reached the socket on the other process too.
      await listener.waitFor((message) => message.body.text === "Are you still there?");
    },
  );
});
