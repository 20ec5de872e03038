import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../../test/test-server.ts";
import { type StartedChat, WebChatClient } from "../../../test/web-chat-client.ts";
import { createAssistant, publish, saveDraft, withWelcomeMessage } from "../../assistants/test-requests.ts";
import { eventually } from "../../conversations/test-setup.ts";

interface PreviewState {
  conversationId: string;
  status: string;
  assistantStatus: string | null;
  dialog: { id: string; name: string } | null;
  waiting: { for: string; interactionId: string | null; interactionKind: string | null } | null;
  attributes: { conversation: Record<string, unknown>; customer: Record<string, unknown> };
}

describe.each(testDatabases)("previewing versions and following a preview on %s", (kind) => {
  let server: TestServer;
  let baseUrl: string;
  let organization: TestOrganization;
  let assistantId: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    baseUrl = await server.listen();
    organization = await server.organization();
    const created = await createAssistant(server, organization.adminKey, { template: "tutorial" });
    assistantId = created.id;
    // Version 1 greets one way; the draft after it greets another.
    const first = withWelcomeMessage(created.draft, "version-greeting", "Hello from version 1.");
    const saved = await saveDraft(
      server,
      organization.adminKey,
      assistantId,
      first,
      `"${created.draftRevision}"`,
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await publish(server, organization.adminKey, assistantId)).statusCode).toBe(201);
    const draft = withWelcomeMessage(created.draft, "version-greeting", "Hello from the draft.");
    expect((await saveDraft(server, organization.adminKey, assistantId, draft)).statusCode).toBe(200);
  });
  afterAll(() => server.close());

  function preview(body: Record<string, unknown>, key = organization.adminKey) {
    return server.request(key, {
      method: "POST",
      url: `/v1/assistants/${assistantId}/preview`,
      payload: body,
    });
  }

  function state(conversationId: string, key = organization.adminKey, id = assistantId) {
    return server.request(key, { method: "GET", url: `/v1/assistants/${id}/preview/${conversationId}` });
  }

  const texts = (started: StartedChat) => started.messages.map((message) => message.body.text);

  it("previews the draft by default and a published version when asked", async () => {
    const draft = await preview({});
    expect(draft.statusCode, draft.body).toBe(201);
    expect(texts(draft.json())).toContain("Hello from the draft.");
    const version = await preview({ version: 1 });
    expect(version.statusCode, version.body).toBe(201);
    expect(texts(version.json())).toContain("Hello from version 1.");
    expect(texts(version.json())).not.toContain("Hello from the draft.");
  });

  it("refuses a version that was never published, and a start dialog the version lacks", async () => {
    const missing = await preview({ version: 7 });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({
      code: "unknown_version",
      problems: [{ in: "body", path: "/version" }],
    });
    expect((await preview({ version: 0 })).statusCode).toBe(400);
    const dialog = await preview({ version: 1, startDialogId: "nowhere" });
    expect(dialog.statusCode).toBe(422);
    expect(dialog.json().error.problems[0].path).toBe("/startDialogId");
  });

  it("says where the preview is and what it has collected as the conversation goes", async () => {
    const started = (await preview({})).json() as StartedChat;
    const first = (await state(started.conversation.id)).json() as PreviewState;
    expect(first).toMatchObject({
      conversationId: started.conversation.id,
      status: "open",
      assistantStatus: "running",
      dialog: { id: "ask-customer-name", name: "Ask Customer Name" },
      waiting: { for: "text", interactionKind: "text_question" },
    });

    const customer = new WebChatClient(baseUrl);
    customer.adopt(started);
    await customer.connect();
    const name = await customer.send({ text: "Grace" });
    await customer.nextFromAssistant(name.sequence ?? 0);
    const asked = await eventually(async () => {
      const body = (await state(started.conversation.id)).json() as PreviewState;
      return body.dialog?.id === "ask-for-team" ? body : null;
    });
    expect(asked.waiting).toMatchObject({ for: "choice", interactionKind: "attribute_question" });
    expect(JSON.stringify(asked.attributes)).toContain("Grace");

    const buttons = (await customer.waitFor((message) => Array.isArray(message.body.options))).body
      .options as Array<{ id: string; label: string }>;
    const shipping = buttons.find((option) => option.label === "Shipping");
    await customer.send({ optionId: shipping?.id ?? "" });
    const transferred = await eventually(async () => {
      const body = (await state(started.conversation.id)).json() as PreviewState;
      return body.status === "transferred" ? body : null;
    });
    expect(transferred).toMatchObject({ assistantStatus: "transferred", dialog: null, waiting: null });
    customer.disconnect();
  });

  it("shows a preview only to its own organization, assistant and writers", async () => {
    const started = (await preview({})).json() as StartedChat;
    const other = await server.organization("Other");
    expect((await state(started.conversation.id, other.adminKey)).statusCode).toBe(404);
    const otherAssistant = await createAssistant(server, organization.adminKey, { internalName: "Other" });
    expect((await state(started.conversation.id, organization.adminKey, otherAssistant.id)).statusCode).toBe(
      404,
    );
    expect((await state("not-a-conversation")).statusCode).toBe(404);
    const reader = await organization.keyWith("org.read");
    expect((await state(started.conversation.id, reader)).statusCode).toBe(403);
    // Nor can another organization start one.
    expect((await preview({ version: 1 }, other.adminKey)).statusCode).toBe(404);
  });
});
