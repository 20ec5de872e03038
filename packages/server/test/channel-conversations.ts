import type { Assistant, Channel } from "@parley/model";
import { and, asc, eq } from "drizzle-orm";
import type { TestClock } from "pg-boss";
import { demoOrganization, publishTutorial } from "../src/conversations/test-setup.ts";
import {
  conversationActivity,
  conversationMessages,
  conversations,
  messageDeliveries,
} from "../src/database/schema/index.ts";
import { queueNames } from "../src/jobs/job-queue.ts";
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

export { publishTutorial };

/**
 * On the manual clock, moves time to each of the conversation's send jobs in turn (a retry's
 * backoff, a job queued at the database's own time) until `done` gives a value and no send runs.
 */
export async function retrySendsUntil<Value>(
  server: TestServer,
  conversationId: string,
  done: () => Promise<Value | null | undefined | false>,
): Promise<Value> {
  const clock = server.clock as TestClock;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const jobs = await server.jobs.findJobs(queueNames.channelSend, { key: conversationId });
    const result = await done();
    if (result && !jobs.some((job) => job.state === "active")) return result;
    if (Date.now() > deadline) throw new Error(`the sends never got there: ${jobs.map((job) => job.state)}`);
    for (const job of jobs) {
      if (job.state !== "created" && job.state !== "retry") continue;
      const due = new Date(job.startAfter).getTime();
      if (due >= clock.now()) await clock.setTime(due + 1_000);
      for (const worker of server.jobs.getWipData()) {
        if (worker.name === queueNames.channelSend) server.jobs.notifyWorker(worker.id);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
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
