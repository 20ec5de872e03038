import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createTestServer, type TestServer, testDatabases } from "../../test/test-server.ts";
import { WebChatClient } from "../../test/web-chat-client.ts";
import { assistants, conversationActivity } from "../database/schema/index.ts";
import type { EffectPorts } from "./effect-ports.ts";
import { demoOrganization } from "./test-setup.ts";

describe.each(testDatabases)("effects that need I/O on %s", (kind) => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());

  /**
   * A preview of the demo's respond-with-AI assistant, which asks the demo help center for
   * answers, or of a new one made from the template on another knowledge base.
   */
  async function askingTheKnowledgeBase(
    ports?: EffectPorts,
    knowledgeBaseId?: string,
  ): Promise<WebChatClient> {
    const started = await createTestServer(kind, ports ? { effectPorts: ports } : {});
    server = started;
    const { organization } = await demoOrganization(started);
    let assistantId: string | undefined;
    if (knowledgeBaseId === undefined) {
      const [assistant] = await started.connection.database
        .select({ id: assistants.id })
        .from(assistants)
        .where(
          and(eq(assistants.organizationId, organization.id), eq(assistants.internalName, "Respond with AI")),
        );
      assistantId = assistant?.id;
    } else {
      const created = await started.request(organization.adminKey, {
        method: "POST",
        url: "/v1/assistants",
        payload: {
          internalName: "Answers elsewhere",
          channel: "chat",
          type: "premium",
          template: "respond-with-ai",
          knowledgeBaseId,
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      assistantId = created.json().id;
    }
    const response = await started.request(organization.adminKey, {
      method: "POST",
      url: `/v1/assistants/${assistantId}/preview`,
      payload: {},
    });
    expect(response.statusCode, response.body).toBe(201);
    const client = new WebChatClient(await started.listen());
    client.adopt(response.json());
    await client.connect();
    return client;
  }

  it("runs the AI answer as a job, shows the assistant typing, and sends the answer that comes back", {
    timeout: 30_000,
  }, async () => {
    const questions: string[] = [];
    const client = await askingTheKnowledgeBase({
      async answerQuestion(request) {
        questions.push(request.question);
        return {
          type: "answer.generated",
          requestId: request.requestId,
          answer: {
            found: true,
            text: "Returns are free within 30 days.",
            citations: [{ title: "Returns", url: "https://help.example/returns" }],
          },
        };
      },
    });
    const question = await client.send({ text: "How do I return shoes?" });
    const answer = await client.waitFor(
      (message) => message.sequence > (question.sequence ?? 0) && message.body.kind === "answer",
    );
    expect(answer.body.answer).toMatchObject({ text: "Returns are free within 30 days." });
    expect(questions).toEqual(["How do I return shoes?"]);
    expect(client.frames).toContainEqual({ type: "typing", author: "assistant", active: true });
  });

  it("answers from the demo help center, citing the article's help page", { timeout: 30_000 }, async () => {
    const client = await askingTheKnowledgeBase();
    const question = await client.send({ text: "How do I track my order?" });
    const answer = await client.waitFor(
      (message) => message.sequence > (question.sequence ?? 0) && message.body.kind === "answer",
    );
    expect(answer.body.answer).toMatchObject({
      found: true,
      citations: expect.arrayContaining([
        {
          title: "How do I track my order?",
          url: expect.stringMatching(/^\/help\/.+\/articles\/track-your-order$/),
        },
      ]),
    });
  });

  it("hands over to an agent when the assistant's knowledge base does not exist", {
    timeout: 30_000,
  }, async () => {
    const client = await askingTheKnowledgeBase(undefined, "no-such-knowledge-base");
    await client.send({ text: "Where is my order?" });
    await client.waitFor((message) => message.author === "system" && message.body.event === "transferred");
    const activity = await (server as TestServer).connection.database
      .select()
      .from(conversationActivity)
      .where(eq(conversationActivity.conversationId, client.conversationId));
    expect(activity.find((entry) => entry.kind === "transferred")?.data).toMatchObject({
      reason: expect.stringContaining("knowledge base no-such-knowledge-base does not exist"),
    });
  });
});
