import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MetaProvider, startMetaProvider } from "./meta-provider.ts";

const credentials = { phoneNumberId: "109876543210987", accessToken: "EAAJ-token", appSecret: "secret" };

const reply = (id: string, title: string) => ({ type: "reply", reply: { id, title } });
const rows = (count: number, title = (index: number) => `Row ${index}`) =>
  Array.from({ length: count }, (_, index) => ({ id: `r${index}`, title: title(index) }));

describe("the Meta Cloud API stand-in", () => {
  let provider: MetaProvider;

  beforeAll(async () => {
    provider = await startMetaProvider({
      ...credentials,
      templates: [{ name: "conversation_follow_up", language: "es", bodyParameters: 1 }],
    });
  });
  afterAll(() => provider.close());

  async function post(body: Record<string, unknown>, token = credentials.accessToken) {
    const response = await fetch(`${provider.url}/${credentials.phoneNumberId}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ messaging_product: "whatsapp", to: "34612345678", ...body }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: Meta's answers are read field by field.
    return { status: response.status, answer: (await response.json()) as any };
  }

  const interactive = (content: Record<string, unknown>) =>
    post({ type: "interactive", interactive: content });

  it("answers a valid message with Meta's success body and records it", async () => {
    const { status, answer } = await post({ type: "text", text: { body: "Hola" } });
    expect(status).toBe(200);
    expect(answer).toEqual({
      messaging_product: "whatsapp",
      contacts: [{ input: "34612345678", wa_id: "34612345678" }],
      messages: [{ id: expect.stringMatching(/^wamid\./) }],
    });
    expect(provider.sent.at(-1)).toMatchObject({ id: answer.messages[0].id, type: "text", text: "Hola" });
  });

  it("refuses a wrong token with Meta's OAuth error", async () => {
    const { status, answer } = await post({ type: "text", text: { body: "Hola" } }, "EAAJ-other");
    expect(status).toBe(401);
    expect(answer.error).toMatchObject({ code: 190, type: "OAuthException" });
  });

  it.each([
    ["no recipient", { to: "", type: "text", text: { body: "Hola" } }, 100],
    ["text over 4096 characters", { type: "text", text: { body: "a".repeat(4097) } }, 131009],
  ])("refuses %s", async (_case, body, code) => {
    const { status, answer } = await post(body);
    expect(status).toBe(400);
    expect(answer.error.code).toBe(code);
  });

  it("counts characters as Meta does, not UTF-16 units", async () => {
    expect((await post({ type: "text", text: { body: "😀".repeat(4096) } })).status).toBe(200);
  });

  it("takes three buttons of 20 characters and refuses a fourth button or a 21st character", async () => {
    const three = [reply("a", "a".repeat(20)), reply("b", "b"), reply("c", "c")];
    const body = { text: "Pick" };
    expect((await interactive({ type: "button", body, action: { buttons: three } })).status).toBe(200);
    const four = await interactive({
      type: "button",
      body,
      action: { buttons: [...three, reply("d", "d")] },
    });
    expect(four.answer.error).toMatchObject({
      code: 131009,
      message: "(#131009) Parameter value is not valid",
      error_data: { details: "Buttons count invalid. Min: 1, Max: 3" },
    });
    const long = await interactive({
      type: "button",
      body,
      action: { buttons: [reply("a", "a".repeat(21))] },
    });
    expect(long.answer.error.error_data.details).toBe(
      "Button title length invalid. Min length: 1, Max length: 20",
    );
  });

  it("refuses an interactive body over 1024 characters", async () => {
    const { answer } = await interactive({
      type: "button",
      body: { text: "b".repeat(1025) },
      action: { buttons: [reply("a", "A")] },
    });
    expect(answer.error.error_data.details).toBe("Body text length invalid. Min length: 1, Max length: 1024");
  });

  it("takes ten list rows and refuses eleven, a 25-character title or a 73-character description", async () => {
    const list = (sectionRows: unknown[]) =>
      interactive({
        type: "list",
        body: { text: "Pick" },
        action: { button: "Options", sections: [{ rows: sectionRows }] },
      });
    expect((await list(rows(10, (index) => `${index}`.padEnd(24, "t")))).status).toBe(200);
    expect((await list(rows(11))).answer.error.error_data.details).toBe(
      "Total row count exceed max allowed count: 10",
    );
    expect((await list(rows(1, () => "t".repeat(25)))).answer.error.error_data.details).toBe(
      "Row title length invalid. Min length: 1, Max length: 24",
    );
    expect((await list([{ id: "a", title: "A", description: "d".repeat(73) }])).answer.error.code).toBe(
      131009,
    );
  });

  it("checks templates against the approved ones and their parameters", async () => {
    const template = (name: string, parameters: string[]) =>
      post({
        type: "template",
        template: {
          name,
          language: { code: "es" },
          components: [{ type: "body", parameters: parameters.map((text) => ({ type: "text", text })) }],
        },
      });
    expect((await template("conversation_follow_up", ["Seguimos aquí"])).status).toBe(200);
    expect(provider.sent.at(-1)?.template).toEqual({
      name: "conversation_follow_up",
      language: "es",
      parameters: ["Seguimos aquí"],
    });
    expect((await template("unknown_template", ["x"])).answer.error.code).toBe(132001);
    expect((await template("conversation_follow_up", ["x", "y"])).answer.error.code).toBe(132000);
    expect(
      (await template("conversation_follow_up", ["line\nbreak"])).answer.error.error_data.details,
    ).toMatch(/new-line/);
  });

  it("fails the next sends as told, then recovers", async () => {
    provider.failNext(2, 503);
    expect((await post({ type: "text", text: { body: "1" } })).status).toBe(503);
    expect((await post({ type: "text", text: { body: "2" } })).answer.error.code).toBe(131000);
    expect((await post({ type: "text", text: { body: "3" } })).status).toBe(200);
  });

  it("rejects a wait for more messages than arrive", async () => {
    await expect(provider.waitForMessages(provider.sent.length + 1, 50)).rejects.toThrow(/within 50 ms/);
  });
});
