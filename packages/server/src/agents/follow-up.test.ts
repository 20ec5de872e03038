import { eq } from "drizzle-orm";
import type { TestClock } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestOrganization, TestServer } from "../../test/test-server.ts";
import { createTestServer, testDatabases } from "../../test/test-server.ts";
import { demoOrganization, eventually, publishTutorialAsDefault } from "../conversations/test-setup.ts";
import { conversations } from "../database/schema/index.ts";
import { serverStartMilliseconds, transferredConversation } from "./agent-test-support.ts";

const minute = 60_000;
/** The agent-missed delay of the assistant below: the schema's default, which the templates keep. */
const agentMissedMinutes = 10;

describe.each(testDatabases)("missed agents, follow-up choices and ratings on %s", (kind) => {
  let server: TestServer;
  let clock: TestClock;
  let organization: TestOrganization;
  let brandId: string;
  let baseUrl: string;

  beforeAll(async () => {
    server = await createTestServer(kind, {
      manualClock: true,
      manualClockStart: Date.parse("2026-11-24T15:00:00Z"),
    });
    clock = server.clock as TestClock;
    ({ organization, brandId } = await demoOrganization(server));
    // The templates leave agent-missed off; the tutorial with it on, at its default delay.
    await publishTutorialAsDefault(server, organization.id, brandId, (definition) => {
      const { agentMissed } = definition.settings.volumeControl;
      expect(agentMissed.afterMinutes).toBe(agentMissedMinutes);
      definition.settings.volumeControl.agentMissed = { ...agentMissed, enabled: true };
    });
    baseUrl = await server.listen();
  }, serverStartMilliseconds);
  afterAll(() => server.close());

  /** Moves the clock the turns and pg-boss share, then lets pg-boss poll for due jobs. */
  async function advance(milliseconds: number): Promise<void> {
    await clock.setTime(clock.now() + milliseconds);
    await clock.tick(1000);
  }

  const timeline = async (id: string) =>
    (await server.request(organization.adminKey, { method: "GET", url: `/v1/conversations/${id}` })).json();

  it("records the follow-up channel and contact the customer gives when no agent answered in time", async () => {
    const client = await transferredConversation(baseUrl, brandId, "Shipping");
    await advance(agentMissedMinutes * minute + minute);
    const missed = await eventually(async () => {
      const current = await timeline(client.conversationId);
      return current.conversation.assistantStatus === "missed" && current;
    });
    const offer = missed.messages.at(-1);
    expect(offer.body.options.map((option: { id: string }) => option.id)).toEqual(["email", "wait"]);
    // Nobody has answered: the wait runs up to now.
    const waited = Math.floor((clock.now() - Date.parse(missed.conversation.transferredAt)) / 1000);
    expect(missed.conversation.waitingSeconds).toBe(waited);
    expect(waited).toBeGreaterThan(agentMissedMinutes * 60);

    await client.send({ optionId: "email" });
    await client.send({ text: "ada@example.com" });
    const { conversation, activity } = await timeline(client.conversationId);
    expect(activity).toContainEqual(
      expect.objectContaining({ kind: "follow_up", data: { channel: "email", contact: "ada@example.com" } }),
    );
    expect(activity).toContainEqual(expect.objectContaining({ kind: "timer", data: { name: "missed" } }));
    expect(conversation.status).toBe("ended");

    const rated = await client.request("POST", "/rating", { scale: 5, value: 4, comment: "Quick follow-up" });
    expect(rated.status).toBe(201);
    expect((await timeline(client.conversationId)).rating).toMatchObject({
      scale: 5,
      value: 4,
      comment: "Quick follow-up",
      createdAt: expect.any(String),
    });
  });

  it("stops the missed timer at the first agent reply, and keeps the customer's rating on any scale", async () => {
    const client = await transferredConversation(baseUrl, brandId, "Sales");
    await advance(3 * minute);
    const credentials = await organization.user("agent");
    const session = await server.request(null, { method: "POST", url: "/v1/session", payload: credentials });
    const reply = await server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/conversations/${client.conversationId}/replies`,
      payload: { text: "I'm here.", agentId: session.json().user.id },
    });
    const replied = reply.json().conversation;
    expect(replied.assistantStatus).toBe("transferred");
    // The wait ends at the first reply, and stays what it was from then on.
    expect(replied.waitingSeconds).toBe(
      (Date.parse(replied.firstAgentReplyAt) - Date.parse(replied.transferredAt)) / 1000,
    );
    expect(replied.waitingSeconds).toBeGreaterThanOrEqual(180);

    const [row] = await server.connection.database
      .select({ timerJobs: conversations.timerJobs })
      .from(conversations)
      .where(eq(conversations.id, client.conversationId));
    expect(row?.timerJobs).toEqual({});

    await advance(agentMissedMinutes * minute);
    // Give a stray timer job the time to run, had one been left behind.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await timeline(client.conversationId);
    expect(after.conversation).toMatchObject({
      assistantStatus: "transferred",
      waitingSeconds: replied.waitingSeconds,
    });
    expect(after.activity.some((entry: { kind: string }) => entry.kind === "timer")).toBe(false);

    for (const [scale, value] of [
      [2, 1],
      [3, 3],
    ]) {
      const rated = await client.request("POST", "/rating", { scale, value });
      expect(rated.status).toBe(201);
      expect((await timeline(client.conversationId)).rating).toMatchObject({ scale, value, comment: null });
    }
    const outOfScale = await client.request("POST", "/rating", { scale: 3, value: 4 });
    expect(outOfScale.status).toBe(400);
  });
});
