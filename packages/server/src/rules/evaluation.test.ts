import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import {
  createTestAssistant,
  createTestBrand,
  shoppingCartDialogId,
  unpublishTestAssistant,
} from "./test-fixtures.ts";

describe.each(testDatabases)("rule evaluation on %s", (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer(kind);
  });
  afterAll(() => server.close());

  /** Each test gets an organization of its own, so only its rules compete. */
  async function setUp() {
    const organization = await server.organization();
    const { database } = server.connection;
    return {
      organization,
      chat: (await createTestAssistant(database, organization.id, { channel: "chat" })).id,
      otherChat: (await createTestAssistant(database, organization.id, { channel: "chat" })).id,
      sms: (await createTestAssistant(database, organization.id, { channel: "sms" })).id,
      brand: await createTestBrand(database, organization.id, "Acme"),
      otherBrand: await createTestBrand(database, organization.id, "Globex"),
    };
  }

  async function rule(organization: TestOrganization, payload: object): Promise<string> {
    const response = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/rules",
      payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  async function evaluate(organization: TestOrganization, payload: object) {
    const response = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/rules/evaluate",
      payload,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  it("starts with the first matching rule in order", async () => {
    const { organization, chat, otherChat } = await setUp();
    const cart = await rule(organization, {
      name: "Cart",
      channel: "chat",
      assistantId: otherChat,
      startDialogId: shoppingCartDialogId,
    });
    const everyone = await rule(organization, { name: "Everyone", channel: "chat", assistantId: chat });
    expect(await evaluate(organization, { channel: "chat" })).toEqual({
      source: "rule",
      ruleId: cart,
      assistantId: otherChat,
      version: 1,
      startDialogId: shoppingCartDialogId,
    });
    await server.request(organization.adminKey, {
      method: "PUT",
      url: "/v1/rules/order",
      payload: { ids: [everyone, cart] },
    });
    expect(await evaluate(organization, { channel: "chat" })).toMatchObject({
      ruleId: everyone,
      assistantId: chat,
      startDialogId: "welcome",
    });
    expect(await evaluate(organization, { channel: "sms" })).toEqual({ source: "none" });
  });

  it("skips disabled rules and rules of other brands", async () => {
    const { organization, chat, brand, otherBrand } = await setUp();
    await rule(organization, { name: "Off", channel: "chat", assistantId: chat, enabled: false });
    const acme = await rule(organization, {
      name: "Acme",
      channel: "chat",
      brandId: brand,
      assistantId: chat,
    });
    expect(await evaluate(organization, { channel: "chat", brandId: brand })).toMatchObject({ ruleId: acme });
    expect(await evaluate(organization, { channel: "chat", brandId: otherBrand })).toEqual({
      source: "none",
    });
    expect(await evaluate(organization, { channel: "chat" })).toEqual({ source: "none" });
  });

  it("matches audiences over session fields with all and any", async () => {
    const { organization, chat, otherChat } = await setUp();
    const checkout = await rule(organization, {
      name: "Lingering at checkout",
      channel: "chat",
      assistantId: chat,
      audience: {
        match: "all",
        conditions: [
          { scope: "session", attribute: "currentPage", operator: "contains", value: "/checkout" },
          { scope: "session", attribute: "timeOnPage", operator: "greater_than", value: 15 },
        ],
      },
    });
    const spanish = await rule(organization, {
      name: "Spanish or from the blog",
      channel: "chat",
      assistantId: otherChat,
      audience: {
        match: "any",
        conditions: [
          { scope: "session", attribute: "language", operator: "equals", value: "es" },
          { scope: "session", attribute: "previousPage", operator: "contains", value: "/blog" },
        ],
      },
    });
    const page = "https://shop.example.com/checkout";
    expect(
      await evaluate(organization, { channel: "chat", session: { currentPage: page, timeOnPage: 20 } }),
    ).toMatchObject({ ruleId: checkout });
    expect(
      await evaluate(organization, {
        channel: "chat",
        session: { currentPage: page, timeOnPage: 10, language: "es" },
      }),
    ).toMatchObject({ ruleId: spanish });
    expect(
      await evaluate(organization, {
        channel: "chat",
        session: { currentPage: page, timeOnPage: 10, previousPage: "https://shop.example.com/blog/post" },
      }),
    ).toMatchObject({ ruleId: spanish });
    expect(
      await evaluate(organization, { channel: "chat", session: { currentPage: page, language: "en" } }),
    ).toEqual({
      source: "none",
    });
  });

  it("matches customer filters only for an authenticated customer", async () => {
    const { organization, chat } = await setUp();
    const vip = await rule(organization, {
      name: "VIP",
      channel: "chat",
      assistantId: chat,
      audience: { conditions: [{ scope: "customer", attribute: "vip", operator: "is_true" }] },
    });
    const claims = { attributes: { vip: true } };
    expect(
      await evaluate(organization, { channel: "chat", customer: { authenticated: false, ...claims } }),
    ).toEqual({
      source: "none",
    });
    expect(
      await evaluate(organization, { channel: "chat", customer: { authenticated: true, ...claims } }),
    ).toMatchObject({
      ruleId: vip,
    });
  });

  it("answers proactive requests with proactive rules only", async () => {
    const { organization, chat, otherChat, brand } = await setUp();
    const proactive = await rule(organization, {
      name: "Order page for a minute",
      channel: "chat",
      assistantId: otherChat,
      startDialogId: shoppingCartDialogId,
      proactive: true,
      audience: {
        conditions: [{ scope: "session", attribute: "timeOnPage", operator: "greater_or_equal", value: 60 }],
      },
    });
    const reactive = await rule(organization, { name: "Everyone", channel: "chat", assistantId: chat });
    await server.request(organization.adminKey, {
      method: "PUT",
      url: `/v1/default-assistants/${brand}/chat`,
      payload: { assistantId: chat },
    });
    const lingering = { channel: "chat", brandId: brand, session: { timeOnPage: 61 } };
    expect(await evaluate(organization, { ...lingering, proactive: true })).toMatchObject({
      ruleId: proactive,
      startDialogId: shoppingCartDialogId,
    });
    expect(await evaluate(organization, lingering)).toMatchObject({ ruleId: reactive });
    expect(
      await evaluate(organization, {
        channel: "chat",
        brandId: brand,
        session: { timeOnPage: 5 },
        proactive: true,
      }),
    ).toEqual({ source: "none" });
  });

  it("matches a rule naming a phone number only for that number", async () => {
    const { organization, sms } = await setUp();
    const line = await rule(organization, {
      name: "Support line",
      channel: "sms",
      assistantId: sms,
      phoneNumber: "+19191234567",
    });
    expect(await evaluate(organization, { channel: "sms", phoneNumber: "+19191234567" })).toMatchObject({
      ruleId: line,
    });
    expect(await evaluate(organization, { channel: "sms", phoneNumber: "+14155550100" })).toEqual({
      source: "none",
    });
    expect(await evaluate(organization, { channel: "sms" })).toEqual({ source: "none" });
  });

  it("falls back to the brand's default assistant, at its first dialog", async () => {
    const { organization, chat, brand, otherBrand } = await setUp();
    const set = await server.request(organization.adminKey, {
      method: "PUT",
      url: `/v1/default-assistants/${brand}/chat`,
      payload: { assistantId: chat },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ brandId: brand, channel: "chat", assistantId: chat });
    expect(await evaluate(organization, { channel: "chat", brandId: brand })).toEqual({
      source: "default",
      assistantId: chat,
      version: 1,
      startDialogId: "welcome",
    });
    expect(await evaluate(organization, { channel: "chat", brandId: otherBrand })).toEqual({
      source: "none",
    });
    expect(await evaluate(organization, { channel: "chat" })).toEqual({ source: "none" });
    const listed = await server.request(organization.adminKey, {
      method: "GET",
      url: "/v1/default-assistants",
    });
    expect(listed.json().data).toEqual([{ brandId: brand, channel: "chat", assistantId: chat }]);

    const removed = await server.request(organization.adminKey, {
      method: "PUT",
      url: `/v1/default-assistants/${brand}/chat`,
      payload: { assistantId: null },
    });
    expect(removed.json()).toEqual({ brandId: brand, channel: "chat", assistantId: null });
    expect(await evaluate(organization, { channel: "chat", brandId: brand })).toEqual({ source: "none" });
  });

  it("skips assistants unpublished after their rule or default was set", async () => {
    const { organization, chat, otherChat, brand } = await setUp();
    await rule(organization, { name: "Stale", channel: "chat", assistantId: chat });
    const live = await rule(organization, { name: "Live", channel: "chat", assistantId: otherChat });
    await server.request(organization.adminKey, {
      method: "PUT",
      url: `/v1/default-assistants/${brand}/chat`,
      payload: { assistantId: chat },
    });
    await unpublishTestAssistant(server.connection.database, chat);
    expect(await evaluate(organization, { channel: "chat", brandId: brand })).toMatchObject({ ruleId: live });
    await unpublishTestAssistant(server.connection.database, otherChat);
    expect(await evaluate(organization, { channel: "chat", brandId: brand })).toEqual({ source: "none" });
  });

  it("checks default assistants like rules: 400, 403, 404 and 422", async () => {
    const { organization, chat, sms, brand } = await setUp();
    const other = await server.organization("Other");
    const { database } = server.connection;
    const theirBrand = await createTestBrand(database, other.id, "Theirs");
    const theirAssistant = (await createTestAssistant(database, other.id)).id;
    const draft = (await createTestAssistant(database, organization.id, { published: false })).id;
    const put = (key: string, brandId: string, channel: string, assistantId: string | null) =>
      server.request(key, {
        method: "PUT",
        url: `/v1/default-assistants/${brandId}/${channel}`,
        payload: { assistantId },
      });

    const badChannel = await put(organization.adminKey, brand, "fax", chat);
    expect(badChannel.statusCode).toBe(400);
    expect(badChannel.json().error.problems[0]).toMatchObject({ in: "params", path: "/channel" });
    expect((await put(await organization.keyWith("org.read"), brand, "chat", chat)).statusCode).toBe(403);
    expect((await put(organization.adminKey, theirBrand, "chat", chat)).statusCode).toBe(404);
    expect((await put(organization.adminKey, theirBrand, "chat", null)).statusCode).toBe(404);
    expect((await put(organization.adminKey, brand, "chat", theirAssistant)).statusCode).toBe(404);
    const unpublished = await put(organization.adminKey, brand, "chat", draft);
    expect(unpublished.statusCode).toBe(422);
    expect(unpublished.json().error.problems[0]).toMatchObject({
      path: "/assistantId",
      code: "assistant_not_published",
    });
    const mismatch = await put(organization.adminKey, brand, "chat", sms);
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error.problems[0].code).toBe("assistant_channel_mismatch");
    const theirList = await server.request(other.adminKey, { method: "GET", url: "/v1/default-assistants" });
    expect(theirList.json().data).toEqual([]);
  });

  it("answers 404 for another organization's brand, and 400 for a bad request", async () => {
    const { organization } = await setUp();
    const other = await server.organization("Other");
    const theirBrand = await createTestBrand(server.connection.database, other.id, "Theirs");
    const theirs = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/rules/evaluate",
      payload: { channel: "chat", brandId: theirBrand },
    });
    expect(theirs.statusCode).toBe(404);
    const bad = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/rules/evaluate",
      payload: { channel: "pigeon", phoneNumber: "12", session: { timeOnPage: -1 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.problems.map((problem: { path: string }) => problem.path)).toEqual(
      expect.arrayContaining(["/channel", "/phoneNumber", "/session/timeOnPage"]),
    );
    expect(
      (
        await server.request(null, {
          method: "POST",
          url: "/v1/rules/evaluate",
          payload: { channel: "chat" },
        })
      ).statusCode,
    ).toBe(401);
  });
});
