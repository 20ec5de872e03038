import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { WebChatClient } from "../../test/web-chat-client.ts";
import { demoOrganization, eventually } from "../conversations/test-setup.ts";
import { startTestReceiver, type TestReceiver } from "./test-receiver.ts";

describe.each(testDatabases)("a help desk receiving conversations on %s", (kind) => {
  let server: TestServer;
  let receiver: TestReceiver;
  let brandId: string;
  let organization: TestOrganization;
  let baseUrl: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    ({ brandId, organization } = await demoOrganization(server));
    baseUrl = await server.listen();
    receiver = await startTestReceiver();
    const created = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/webhooks",
      payload: {
        url: receiver.url,
        events: [
          "conversation.started",
          "message.created",
          "conversation.transferred",
          "conversation.status_changed",
          "conversation.ended",
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    receiver.secrets.push(created.json().secret);
  });
  afterAll(async () => {
    await receiver.close();
    await server.close();
  });

  it("hears of the conversation from its start to the handoff, with the full transcript, signed", async () => {
    const client = new WebChatClient(baseUrl);
    await client.start({ brandId, session: {} });
    const name = await client.send({ text: "Ada" });
    const question = await eventually(async () => {
      const response = await client.request("GET", `/messages?after=${name.sequence}`);
      const { messages } = (await response.json()) as {
        messages: Array<{ body: { kind: string; options?: Array<{ id: string; label: string }> } }>;
      };
      return messages.find((message) => message.body.kind === "buttons");
    });
    const sales = question.body.options?.find((option) => option.label === "Sales");
    await client.send({ optionId: sales?.id ?? "" });

    const transferred = await eventually(
      async () => receiver.received.find((delivery) => delivery.json.type === "conversation.transferred"),
      10_000,
    );
    expect(transferred.matchedSecret).toBe(0);
    expect(transferred.json).toMatchObject({
      conversationId: client.conversationId,
      organizationId: organization.id,
      data: {
        status: "transferred",
        collected: { "conversation.assignedTeams": ["Sales"], "customer.name": "Ada" },
      },
    });
    const transcript = transferred.json.data.transcript as Array<{
      author: string;
      body: { text?: string; label?: string };
    }>;
    expect(transcript.map((message) => message.body.text ?? message.body.label)).toEqual([
      expect.stringContaining("I'm a bot"),
      "First, what's your name?",
      "Ada",
      "Thanks! Which team would you like to talk to?",
      "Sales",
      expect.stringContaining("Thanks, Ada!"),
      "Transferred to an agent",
    ]);
    const types = receiver.received
      .filter((delivery) => delivery.json.conversationId === client.conversationId)
      .map((delivery) => delivery.json.type);
    expect(types).toContain("conversation.started");
    expect(types).toContain("conversation.status_changed");
    expect(types.filter((type) => type === "message.created")).toHaveLength(7);
  });

  it("tells nobody about previews", async () => {
    const before = receiver.received.length;
    const [tutorial] = (
      await server.request(organization.adminKey, { method: "GET", url: "/v1/assistants?search=Tutorial" })
    ).json().data as Array<{ id: string }>;
    const preview = await server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/assistants/${tutorial?.id}/preview`,
      payload: {},
    });
    expect(preview.statusCode, preview.body).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received.length).toBe(before);
  });
});
