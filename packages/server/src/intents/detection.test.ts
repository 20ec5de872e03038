import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { WebChatClient } from "../../test/web-chat-client.ts";
import { createAssistant, publish, saveDraft } from "../assistants/test-requests.ts";
import { demoOrganization } from "../conversations/test-setup.ts";
import { conversationActivity } from "../database/schema/index.ts";
import { setDefaultAssistant } from "../rules/default-assistants.ts";
import { cookieFlavors, createdIntent, type Json, trainedIntent } from "./intent-test-support.ts";

const flavorsAnswer = "We bake chocolate chip, oatmeal raisin and almond cookies.";
const orderAnswer = "Let me look up your order.";

/** Spec 08's set-up: a Customer Text Response that understands intents, and a dialog per intent. */
function cookieShop(draft: Json & { dialogs: Json[] }): Json {
  const [welcome, ...others] = draft.dialogs as Array<Json & { end: unknown }>;
  const redirectToComplete = (id: string) => ({ id, kind: "redirect", dialogId: "complete-assistant" });
  return {
    ...draft,
    dialogs: [
      {
        ...welcome,
        interactions: [
          {
            id: "ask-need",
            kind: "text_question",
            prompt: "What can we help you with today?",
            understandIntents: true,
          },
        ],
      },
      ...others,
      {
        id: "flavors",
        name: "Flavors",
        interactions: [{ id: "flavors-answer", kind: "send_message", text: flavorsAnswer }],
        end: redirectToComplete("flavors-end"),
      },
      {
        id: "order-status",
        name: "Order status",
        interactions: [{ id: "order-answer", kind: "send_message", text: orderAnswer }],
        end: redirectToComplete("order-end"),
      },
    ],
    intents: [
      { intent: "cookie_flavors", dialogId: "flavors" },
      { intent: "where_is_my_order", dialogId: "order-status" },
    ],
  };
}

describe.each(testDatabases)("intent detection in conversations on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;
  let brandId: string;
  let baseUrl: string;
  let assistantId: string;
  let intentId: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    ({ organization, brandId } = await demoOrganization(server));
    baseUrl = await server.listen();
    const { adminKey } = organization;
    intentId = (await createdIntent(server, adminKey, cookieFlavors)).id;
    await trainedIntent(server, adminKey, intentId);

    const assistant = await createAssistant(server, adminKey, {
      internalName: "Cookie shop",
      type: "premium",
    });
    assistantId = assistant.id;
    const saved = await saveDraft(server, adminKey, assistantId, cookieShop(assistant.draft));
    expect(saved.statusCode, saved.body).toBe(200);
    const published = await publish(server, adminKey, assistantId);
    expect(published.statusCode, published.body).toBe(201);
    await setDefaultAssistant(server.connection.database, organization.id, brandId, "chat", assistantId);
  }, 120_000);
  afterAll(() => server.close());

  /** A new conversation, answering the question with `text`; the assistant's next message. */
  async function answer(text: string) {
    const client = new WebChatClient(baseUrl);
    const started = await client.start({ brandId, session: { language: "en" } });
    expect(started.messages.at(-1)?.body.text).toBe("What can we help you with today?");
    await client.connect();
    const sent = await client.send({ text });
    const reply = await client.nextFromAssistant(sent.sequence ?? 0, 30_000);
    client.disconnect();
    return { client, reply };
  }

  async function detectedIntents(conversationId: string) {
    const rows = await server.connection.database
      .select({ data: conversationActivity.data })
      .from(conversationActivity)
      .where(
        and(eq(conversationActivity.conversationId, conversationId), eq(conversationActivity.kind, "intent")),
      );
    return rows.map((row) => row.data);
  }

  it("sends a customer whose words mean a custom intent, in words it was not trained on, to its dialog", async () => {
    const text = "which cookie flavors do you bake";
    expect(cookieFlavors.phrases.map((phrase) => phrase.toLowerCase())).not.toContain(text);
    const { client, reply } = await answer(text);
    expect(reply.body.text).toBe(flavorsAnswer);
    expect(await detectedIntents(client.conversationId)).toEqual([
      expect.objectContaining({ intent: "cookie_flavors", reason: "phrases", dialogId: "flavors" }),
    ]);
  }, 60_000);

  it("sends a customer who writes one of its keywords there too", async () => {
    const { client, reply } = await answer("Is it GLUTEN-FREE?");
    expect(reply.body.text).toBe(flavorsAnswer);
    expect(await detectedIntents(client.conversationId)).toEqual([
      expect.objectContaining({ intent: "cookie_flavors", reason: "keyword", score: 1 }),
    ]);
  }, 60_000);

  it("detects predefined intents in the same model", async () => {
    const { reply } = await answer("Has my package shipped yet?");
    expect(reply.body.text).toBe(orderAnswer);
  }, 60_000);

  it("lets an unrelated answer carry on through the dialog", async () => {
    const { client, reply } = await answer("Purple elephants dance at midnight");
    expect(reply.body.text).not.toBe(flavorsAnswer);
    expect(reply.body.text).not.toBe(orderAnswer);
    // Welcome goes on to Complete Assistant, which hands over to an agent.
    await client.waitFor((message) => message.author === "system" && message.body.event === "transferred");
    // The classifier may still name an intent the assistant does not map; none may redirect.
    for (const detected of await detectedIntents(client.conversationId)) {
      expect(detected).toMatchObject({ dialogId: null });
    }
  }, 60_000);

  it("detects predefined intents for an organization without custom intents", async () => {
    const shop = await demoOrganization(server);
    const { adminKey } = shop.organization;
    const assistant = await createAssistant(server, adminKey, {
      internalName: "Orders only",
      type: "premium",
    });
    const definition = cookieShop(assistant.draft);
    definition.intents = [{ intent: "where_is_my_order", dialogId: "order-status" }];
    expect((await saveDraft(server, adminKey, assistant.id, definition)).statusCode).toBe(200);
    expect((await publish(server, adminKey, assistant.id)).statusCode).toBe(201);
    await setDefaultAssistant(
      server.connection.database,
      shop.organization.id,
      shop.brandId,
      "chat",
      assistant.id,
    );

    const client = new WebChatClient(baseUrl);
    await client.start({ brandId: shop.brandId, session: { language: "en" } });
    await client.connect();
    // The predefined model is trained once per process, on the first turn that needs it.
    const sent = await client.send({ text: "Has my package shipped yet?" });
    expect((await client.nextFromAssistant(sent.sequence ?? 0, 30_000)).body.text).toBe(orderAnswer);
    client.disconnect();
  }, 60_000);

  it("lists the assistant as a user of the intent, and refuses to delete or rename it (409)", async () => {
    const { adminKey } = organization;
    const user = { id: assistantId, internalName: "Cookie shop", draft: true, live: true };
    const listed = await server.request(adminKey, { method: "GET", url: "/v1/intents" });
    expect(listed.json().data).toEqual([expect.objectContaining({ name: "cookie_flavors", usedBy: [user] })]);

    const deleted = await server.request(adminKey, { method: "DELETE", url: `/v1/intents/${intentId}` });
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json()).toMatchObject({ error: { code: "intent_in_use" }, assistants: [user] });
    expect(deleted.json().error.message).toContain("Cookie shop");

    const renamed = await server.request(adminKey, {
      method: "PUT",
      url: `/v1/intents/${intentId}`,
      payload: { ...cookieFlavors, name: "cookie_tastes" },
    });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json()).toMatchObject({ error: { code: "intent_in_use" }, assistants: [user] });
  });

  it("refuses to publish an assistant that maps an intent the organization does not have", async () => {
    const { adminKey } = organization;
    const assistant = await createAssistant(server, adminKey, { internalName: "Typo", type: "premium" });
    const definition = cookieShop(assistant.draft);
    definition.intents = [{ intent: "cookie_flavours", dialogId: "flavors" }];
    expect((await saveDraft(server, adminKey, assistant.id, definition)).statusCode).toBe(200);
    const published = await publish(server, adminKey, assistant.id);
    expect(published.statusCode).toBe(422);
    expect(published.json().error.problems).toContainEqual(
      expect.objectContaining({ path: "/intents/0/intent", code: "unknown_intent" }),
    );
  });
});
