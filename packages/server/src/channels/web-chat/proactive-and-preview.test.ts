import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../../test/test-server.ts";
import { type StartedChat, WebChatClient } from "../../../test/web-chat-client.ts";
import { demoOrganization } from "../../conversations/test-setup.ts";
import { assistants, conversations } from "../../database/schema/index.ts";

describe.each(testDatabases)("proactive chat and preview on %s", (kind) => {
  let server: TestServer;
  let baseUrl: string;
  let brandId: string;
  let organization: TestOrganization;
  let tutorialId: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    ({ brandId, organization } = await demoOrganization(server));
    baseUrl = await server.listen();
    const [tutorial] = await server.connection.database
      .select({ id: assistants.id })
      .from(assistants)
      .where(
        and(
          eq(assistants.organizationId, organization.id),
          eq(assistants.internalName, "Tutorial assistant"),
        ),
      );
    tutorialId = tutorial?.id ?? "";
    const rule = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/rules",
      payload: {
        name: "Cart for half a minute",
        channel: "chat",
        brandId,
        assistantId: tutorialId,
        startDialogId: "ask-for-team",
        proactive: true,
        audience: {
          match: "all",
          conditions: [
            { scope: "session", attribute: "currentPage", operator: "contains", value: "/cart" },
            { scope: "session", attribute: "timeOnPage", operator: "greater_or_equal", value: 30 },
          ],
        },
      },
    });
    expect(rule.statusCode, rule.body).toBe(201);
  });
  afterAll(() => server.close());

  async function proactive(session: Record<string, unknown>) {
    const response = await fetch(`${baseUrl}/v1/web-chat/proactive`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ brandId, session }),
    });
    return { status: response.status, body: (await response.json()) as StartedChat & { match: boolean } };
  }

  it("opens the rule's dialog only on the page and after the time on page the rule names", async () => {
    expect(await proactive({ currentPage: "https://shop.example/cart", timeOnPage: 10 })).toEqual({
      status: 200,
      body: { match: false },
    });
    expect((await proactive({ currentPage: "https://shop.example/", timeOnPage: 45 })).body).toEqual({
      match: false,
    });
    const opened = await proactive({ currentPage: "https://shop.example/cart", timeOnPage: 31 });
    expect(opened.status).toBe(201);
    expect(opened.body.match).toBe(true);
    expect(opened.body.messages.map((message) => message.body.kind)).toEqual(["buttons"]);
    expect(opened.body.messages[0]?.body.text).toBe("Thanks! Which team would you like to talk to?");
    // The pop-up can be answered like any conversation.
    const client = new WebChatClient(baseUrl);
    client.adopt(opened.body);
    const options = opened.body.messages[0]?.body.options as Array<{ id: string; label: string }>;
    await client.connect();
    await client.send({ optionId: options[0]?.id ?? "" });
    await client.waitFor((message) => message.author === "system");
  });

  it("previews the draft as a customer would, marked as a preview", async () => {
    const draft = await server.request(organization.adminKey, {
      method: "GET",
      url: `/v1/assistants/${tutorialId}`,
    });
    const definition = draft.json().draft;
    definition.dialogs[0].interactions[0].text = "Draft greeting, not yet published.";
    const saved = await server.request(organization.adminKey, {
      method: "PUT",
      url: `/v1/assistants/${tutorialId}/draft`,
      headers: { "if-match": draft.headers.etag as string },
      payload: definition,
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const response = await server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/assistants/${tutorialId}/preview`,
      payload: { session: { language: "en" } },
    });
    expect(response.statusCode, response.body).toBe(201);
    const started = response.json() as StartedChat;
    expect(started.messages[0]?.body.text).toBe("Draft greeting, not yet published.");
    const [row] = await server.connection.database
      .select()
      .from(conversations)
      .where(eq(conversations.id, started.conversation.id));
    expect(row?.preview).toBe(true);

    // Customers still get the published greeting.
    const customer = new WebChatClient(baseUrl);
    const live = await customer.start({ brandId, session: {} });
    expect(live.messages[0]?.body.text).toContain("I'm a bot");

    // The preview goes on over the same routes.
    const previewer = new WebChatClient(baseUrl);
    previewer.adopt(started);
    await previewer.connect();
    const name = await previewer.send({ text: "Linus" });
    await previewer.nextFromAssistant(name.sequence ?? 0);

    const unknownDialog = await server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/assistants/${tutorialId}/preview`,
      payload: { startDialogId: "nowhere" },
    });
    expect(unknownDialog.statusCode).toBe(422);
    expect(unknownDialog.json()).toMatchObject({ error: { problems: [{ path: "/startDialogId" }] } });
    const readOnly = await organization.keyWith("org.read");
    expect(
      (
        await server.request(readOnly, {
          method: "POST",
          url: `/v1/assistants/${tutorialId}/preview`,
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
  });

  it("shows the brand's widget settings and default assistant to the widget", async () => {
    const response = await fetch(`${baseUrl}/v1/web-chat/brands/${brandId}`);
    expect(await response.json()).toEqual({
      brand: { id: brandId, name: "Demo Store" },
      settings: {},
      assistant: { publicName: "Demo Store Bot" },
    });
    expect((await fetch(`${baseUrl}/v1/web-chat/brands/not-a-brand`)).status).toBe(404);
  });
});
