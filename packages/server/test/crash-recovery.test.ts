/**
 * A server process killed with SIGKILL in the middle of a job: another process must take the
 * job over within seconds (its heartbeat stops; jobs/job-queue.ts), and the customer must see
 * what they asked for exactly once.
 *
 * PostgreSQL only: the job moves from one process to another through the database they share.
 * PGlite lives inside one process, so no second process can open it, and a process that dies
 * takes all its work and its database with it.
 */
import {
  type OpenAITestServer,
  type ReceivedRequest,
  startOpenAITestServer,
} from "@parley/knowledge/test-support/openai-test-server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ask,
  previewChat,
  publishAssistant,
  respondWithAiAssistant,
} from "../src/answers/answer-test-support.ts";
import { aiAnswers, conversationMessages } from "../src/database/schema/index.ts";
import { queueNames } from "../src/jobs/job-queue.ts";
import { createArticle, createBrand, createKnowledgeBase } from "../src/knowledge/knowledge-test-support.ts";
import { type ServerNode, startNode } from "./server-nodes.ts";
import { type ServerProcess, startServerProcess } from "./server-process-child.ts";
import { createTestServer, type TestOrganization, type TestServer, testDatabases } from "./test-server.ts";
import type { ChatMessage } from "./web-chat-client.ts";

/**
 * A dead process's job is failed 10 s after its last heartbeat, noticed within 5 s and retried
 * 1 s later: about 17 s at most. The rest is room for a busy machine; 15 minutes before the fix.
 */
const recoveryBoundMilliseconds = 40_000;
const answerText = "You can return most items within 30 days of delivery [1].";

const isAnswer = (message: ChatMessage) => message.author === "assistant" && message.body.kind === "answer";

describe.skipIf(!testDatabases.includes("postgres"))("a server process killed in the middle of a job", () => {
  let server: TestServer;
  let organization: TestOrganization;
  let knowledgeBaseId: string;
  let baseUrl: string;
  let openai: OpenAITestServer;
  /** `parley serve` in a process of its own, which takes the job and is killed holding it. */
  let doomed: ServerProcess | undefined;
  /** The process that takes over: a node in this one, which starts in a fraction of the time. */
  let successor: ServerNode | undefined;

  beforeAll(async () => {
    server = await createTestServer("postgres");
    // This process serves the customer's requests and sockets, as behind a load balancer, but
    // runs no effects: the AI answer's job is left for the server process the test kills.
    await server.jobs.offWork(queueNames.conversationEffect, { wait: true });
    if (!server.databaseUrl) throw new Error("the test server has no PostgreSQL database");
    const [started] = await Promise.all([startServerProcess(server.databaseUrl), setUp()]);
    doomed = started;
    baseUrl = await server.listen();
  }, 120_000);

  afterAll(async () => {
    await doomed?.kill("SIGKILL");
    await successor?.stop();
    await server?.close();
    await openai?.close();
  });

  /** A knowledge base with one article, and AI answers by a local stand-in for the provider. */
  async function setUp(): Promise<void> {
    organization = await server.organization("Store");
    const brandId = await createBrand(server, organization.adminKey, "Store");
    knowledgeBaseId = (await createKnowledgeBase(server, organization.adminKey, { brandId, name: "Help" }))
      .id;
    await createArticle(server, organization.adminKey, knowledgeBaseId, {
      title: "How do I return an item?",
      body: "You can return most items within 30 days of delivery.",
      status: "published",
    });
    openai = await startOpenAITestServer();
    const saved = await server.request(organization.adminKey, {
      method: "PUT",
      url: "/v1/ai/settings",
      payload: {
        provider: "openai-compatible",
        baseUrl: openai.baseUrl,
        model: "parley-test-model",
        apiKey: "sk-parley-test-0123456789abcdef",
        timeoutMs: 60_000,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  }

  async function answersIn(conversationId: string) {
    const { database } = server.connection;
    const messages = await database
      .select({ body: conversationMessages.body })
      .from(conversationMessages)
      .where(eq(conversationMessages.conversationId, conversationId));
    const stored = await database
      .select({ id: aiAnswers.id })
      .from(aiAnswers)
      .where(eq(aiAnswers.conversationId, conversationId));
    return { messages: messages.filter((message) => message.body.kind === "answer"), stored };
  }

  it("answers once, from another process, within seconds; messages sent meanwhile are kept and the chat goes on", {
    timeout: 120_000,
  }, async () => {
    // The first request to the provider never gets an answer: its process dies waiting.
    const reached: ReceivedRequest[] = [];
    openai.reply((request) => {
      reached.push(request);
      return reached.length === 1 ? { kind: "silence" } : { kind: "answer", text: answerText };
    });
    const definition = respondWithAiAssistant(knowledgeBaseId);
    await publishAssistant(server, organization.id, definition);
    const client = await previewChat(server, organization.adminKey, baseUrl, definition.id);

    const question = await client.send({ text: "how many days do I have to return something?" });
    await expect.poll(() => reached.length, { timeout: 30_000, interval: 50 }).toBe(1);
    await doomed?.kill("SIGKILL");
    const killedAt = Date.now();

    // The customer writes while the answer is held up: the message is taken and stored at once.
    const meanwhile = await client.send({ text: "hello? are you there?" });
    expect(meanwhile).toMatchObject({ duplicate: false, sequence: expect.any(Number) });
    if (!server.databaseUrl) throw new Error("the test server has no PostgreSQL database");
    successor = await startNode({ kind: "postgres", url: server.databaseUrl });

    const answer = await client.waitFor(
      (message) => isAnswer(message) && message.sequence > (question.sequence ?? 0),
      recoveryBoundMilliseconds,
    );
    expect(Date.now() - killedAt).toBeLessThan(recoveryBoundMilliseconds);
    expect((answer.body.answer as { text: string }).text).toBe(
      "You can return most items within 30 days of delivery.",
    );
    expect(reached).toHaveLength(2);
    const { messages, stored } = await answersIn(client.conversationId);
    expect(messages).toHaveLength(1);
    expect(stored).toHaveLength(1);
    expect(client.received.filter(isAnswer)).toHaveLength(1);

    // The conversation is not stuck behind the crash: the next question is answered as usual.
    const next = await ask(client, "and how do I start a return?", isAnswer, recoveryBoundMilliseconds);
    expect(next.sequence).toBeGreaterThan(answer.sequence);
    expect(reached).toHaveLength(3);
  });
});
