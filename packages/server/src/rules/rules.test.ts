import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { scopes } from "../http/scopes.ts";
import { RuleInput } from "./rule-schemas.ts";
import { createRule } from "./rule-store.ts";
import {
  createTestAssistant,
  createTestBrand,
  deleteTestAssistant,
  shoppingCartDialogId,
  unpublishTestAssistant,
} from "./test-fixtures.ts";

describe.each(testDatabases)("rules on %s", (kind) => {
  let server: TestServer;
  let first: TestOrganization;
  let second: TestOrganization;
  let chatAssistant: string;
  let smsAssistant: string;
  let draftAssistant: string;
  let theirAssistant: string;
  let brand: string;
  let theirBrand: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    first = await server.organization("First");
    second = await server.organization("Second");
    const { database } = server.connection;
    chatAssistant = (await createTestAssistant(database, first.id, { channel: "chat" })).id;
    smsAssistant = (await createTestAssistant(database, first.id, { channel: "sms" })).id;
    draftAssistant = (await createTestAssistant(database, first.id, { published: false })).id;
    theirAssistant = (await createTestAssistant(database, second.id)).id;
    brand = await createTestBrand(database, first.id, "Acme");
    theirBrand = await createTestBrand(database, second.id, "Theirs");
  });
  afterAll(() => server.close());

  function post(key: string, payload: object) {
    return server.request(key, { method: "POST", url: "/v1/rules", payload });
  }
  async function created(payload: object): Promise<{ id: string; position: number }> {
    const response = await post(first.adminKey, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  function problemPaths(response: { json(): { error: { problems?: Array<{ path: string }> } } }) {
    return (response.json().error.problems ?? []).map((problem) => problem.path);
  }
  function problemCodes(response: { json(): { error: { problems?: Array<{ code: string }> } } }) {
    return (response.json().error.problems ?? []).map((problem) => problem.code);
  }
  async function ruleIds(key = first.adminKey): Promise<string[]> {
    const listed = await server.request(key, { method: "GET", url: "/v1/rules" });
    return listed.json().data.map((rule: { id: string }) => rule.id);
  }

  it("creates, reads, lists, replaces and deletes rules, keeping their order", async () => {
    const welcome = await created({ name: "Everyone", channel: "chat", assistantId: chatAssistant });
    expect(welcome).toMatchObject({
      name: "Everyone",
      channel: "chat",
      brandId: null,
      startDialogId: null,
      proactive: false,
      audience: { match: "all", conditions: [] },
      phoneNumber: null,
      whatsappId: null,
      enabled: true,
    });
    const cart = await created({
      name: "Cart",
      channel: "chat",
      brandId: brand,
      assistantId: chatAssistant,
      startDialogId: shoppingCartDialogId,
      audience: {
        match: "any",
        conditions: [{ scope: "session", attribute: "currentPage", operator: "contains", value: "/cart" }],
      },
    });
    expect(cart.position).toBe(welcome.position + 1);
    const read = await server.request(first.adminKey, { method: "GET", url: `/v1/rules/${cart.id}` });
    expect(read.json()).toMatchObject({ id: cart.id, brandId: brand, startDialogId: shoppingCartDialogId });
    expect((await ruleIds()).slice(-2)).toEqual([welcome.id, cart.id]);

    const replaced = await server.request(first.adminKey, {
      method: "PUT",
      url: `/v1/rules/${welcome.id}`,
      payload: { name: "Everyone, off", channel: "chat", assistantId: chatAssistant, enabled: false },
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({
      name: "Everyone, off",
      enabled: false,
      position: welcome.position,
    });

    const deleted = await server.request(first.adminKey, {
      method: "DELETE",
      url: `/v1/rules/${welcome.id}`,
    });
    expect(deleted.statusCode).toBe(204);
    expect(
      (await server.request(first.adminKey, { method: "GET", url: `/v1/rules/${welcome.id}` })).statusCode,
    ).toBe(404);
    const after = await server.request(first.adminKey, { method: "GET", url: `/v1/rules/${cart.id}` });
    expect(after.json().position).toBe(welcome.position);
    const filtered = await server.request(first.adminKey, { method: "GET", url: "/v1/rules?channel=sms" });
    expect(filtered.json().data).toEqual([]);
  });

  it("reorders rules when every rule is listed exactly once", async () => {
    const a = await created({ name: "A", channel: "chat", assistantId: chatAssistant });
    const b = await created({ name: "B", channel: "chat", assistantId: chatAssistant });
    const ids = await ruleIds();
    const reversed = [...ids].reverse();
    const reordered = await server.request(first.adminKey, {
      method: "PUT",
      url: "/v1/rules/order",
      payload: { ids: reversed },
    });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json().data.map((rule: { id: string }) => rule.id)).toEqual(reversed);
    expect(reordered.json().data.map((rule: { position: number }) => rule.position)).toEqual(
      reversed.map((_, index) => index + 1),
    );
    expect(await ruleIds()).toEqual(reversed);
    expect(reversed.indexOf(b.id)).toBeLessThan(reversed.indexOf(a.id));
  });

  it("refuses an order that misses, repeats or invents a rule (400), changing nothing", async () => {
    const before = await ruleIds();
    const [firstId, ...rest] = before;
    const response = await server.request(first.adminKey, {
      method: "PUT",
      url: "/v1/rules/order",
      payload: { ids: [...rest, rest[0], "00000000-0000-4000-8000-000000000000"] },
    });
    expect(response.statusCode).toBe(400);
    expect(problemCodes(response)).toEqual(["duplicate_rule", "unknown_rule", "missing_rule"]);
    expect(response.json().error.problems[2].message).toContain(firstId);
    expect(await ruleIds()).toEqual(before);
  });

  it("lists every invalid field of a bad rule with its path (400)", async () => {
    const response = await post(first.adminKey, {
      name: "",
      channel: "fax",
      assistantId: "not-an-id",
      startDialogId: "no spaces allowed",
      phoneNumber: "555-1234",
      whatsappId: "",
      audience: {
        match: "most",
        conditions: [
          { scope: "session", attribute: "referrer", operator: "is_set" },
          { scope: "session", attribute: "timeOnPage", operator: "contains", value: "1" },
          { scope: "customer", attribute: "email", operator: "equals" },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("invalid_request");
    expect(problemPaths(response)).toEqual(
      expect.arrayContaining([
        "/name",
        "/channel",
        "/assistantId",
        "/startDialogId",
        "/phoneNumber",
        "/whatsappId",
        "/audience/match",
        "/audience/conditions/0/attribute",
        "/audience/conditions/1/operator",
        "/audience/conditions/2/value",
      ]),
    );
  });

  it("answers 401 without credentials and 403 without the write scope", async () => {
    expect((await server.request(null, { method: "GET", url: "/v1/rules" })).statusCode).toBe(401);
    const readOnly = await first.keyWith(scopes.read);
    expect((await server.request(readOnly, { method: "GET", url: "/v1/rules" })).statusCode).toBe(200);
    const refused = await post(readOnly, { name: "R", channel: "chat", assistantId: chatAssistant });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain(scopes.organizationWrite);
    const reorder = await server.request(readOnly, {
      method: "PUT",
      url: "/v1/rules/order",
      payload: { ids: [] },
    });
    expect(reorder.statusCode).toBe(403);
  });

  it("answers 404 for unknown assistants, brands and rules", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const assistant = await post(first.adminKey, { name: "R", channel: "chat", assistantId: unknown });
    expect(assistant.statusCode).toBe(404);
    expect(assistant.json().error.message).toContain("Assistant");
    const brandMissing = await post(first.adminKey, {
      name: "R",
      channel: "chat",
      brandId: unknown,
      assistantId: chatAssistant,
    });
    expect(brandMissing.statusCode).toBe(404);
    expect(brandMissing.json().error.message).toContain("Brand");
    for (const method of ["GET", "DELETE"] as const) {
      expect((await server.request(first.adminKey, { method, url: `/v1/rules/${unknown}` })).statusCode).toBe(
        404,
      );
    }
    const put = await server.request(first.adminKey, {
      method: "PUT",
      url: `/v1/rules/${unknown}`,
      payload: { name: "R", channel: "chat", assistantId: chatAssistant },
    });
    expect(put.statusCode).toBe(404);
  });

  it("refuses rules that break the product's rules (422), storing nothing", async () => {
    const before = await ruleIds();
    const unpublished = await post(first.adminKey, {
      name: "R",
      channel: "chat",
      assistantId: draftAssistant,
    });
    expect(unpublished.statusCode).toBe(422);
    expect(problemCodes(unpublished)).toEqual(["assistant_not_published"]);

    const wrongChannel = await post(first.adminKey, {
      name: "R",
      channel: "sms",
      assistantId: chatAssistant,
    });
    expect(wrongChannel.statusCode).toBe(422);
    expect(problemCodes(wrongChannel)).toEqual(["assistant_channel_mismatch"]);

    const noDialog = await post(first.adminKey, {
      name: "R",
      channel: "chat",
      assistantId: chatAssistant,
      startDialogId: "not-there",
    });
    expect(noDialog.statusCode).toBe(422);
    expect(problemPaths(noDialog)).toEqual(["/startDialogId"]);
    expect(noDialog.json().error.problems[0].message).toContain("not-there");

    const smsMisuse = await post(first.adminKey, {
      name: "R",
      channel: "sms",
      assistantId: smsAssistant,
      proactive: true,
      whatsappId: "channel-1",
      audience: {
        conditions: [{ scope: "session", attribute: "language", operator: "equals", value: "en" }],
      },
    });
    expect(smsMisuse.statusCode).toBe(422);
    expect(problemPaths(smsMisuse)).toEqual(["/proactive", "/whatsappId", "/audience/conditions/0/scope"]);

    const chatPhone = await post(first.adminKey, {
      name: "R",
      channel: "chat",
      assistantId: chatAssistant,
      phoneNumber: "+19191234567",
    });
    expect(chatPhone.statusCode).toBe(422);
    expect(problemCodes(chatPhone)).toEqual(["phone_number_not_for_channel"]);
    expect(await ruleIds()).toEqual(before);
  });

  it("accepts a proactive chat rule and an SMS rule for one phone number", async () => {
    const proactive = await created({
      name: "Cart abandonment",
      channel: "chat",
      assistantId: chatAssistant,
      startDialogId: shoppingCartDialogId,
      proactive: true,
      audience: {
        conditions: [
          { scope: "session", attribute: "currentPage", operator: "contains", value: "/order" },
          { scope: "session", attribute: "timeOnPage", operator: "greater_or_equal", value: 60 },
        ],
      },
    });
    expect(proactive).toMatchObject({ proactive: true });
    const sms = await created({
      name: "Support line",
      channel: "sms",
      assistantId: smsAssistant,
      phoneNumber: "+19191234567",
    });
    expect(sms).toMatchObject({ phoneNumber: "+19191234567" });
  });

  it("refuses to write a rule for an assistant unpublished since (422)", async () => {
    const { database } = server.connection;
    const assistant = (await createTestAssistant(database, first.id)).id;
    const rule = await created({ name: "Soon stale", channel: "chat", assistantId: assistant });
    await unpublishTestAssistant(database, assistant);
    const response = await server.request(first.adminKey, {
      method: "PUT",
      url: `/v1/rules/${rule.id}`,
      payload: { name: "Renamed", channel: "chat", assistantId: assistant },
    });
    expect(response.statusCode).toBe(422);
    expect(problemCodes(response)).toEqual(["assistant_not_published"]);
  });

  it("never shows or touches another organization's rules, assistants or brands (404)", async () => {
    const theirs = await post(second.adminKey, {
      name: "Theirs",
      channel: "chat",
      assistantId: theirAssistant,
    });
    expect(theirs.statusCode).toBe(201);
    const theirId = theirs.json().id;
    expect(await ruleIds()).not.toContain(theirId);
    for (const method of ["GET", "DELETE"] as const) {
      expect((await server.request(first.adminKey, { method, url: `/v1/rules/${theirId}` })).statusCode).toBe(
        404,
      );
    }
    const put = await server.request(first.adminKey, {
      method: "PUT",
      url: `/v1/rules/${theirId}`,
      payload: { name: "Mine now", channel: "chat", assistantId: chatAssistant },
    });
    expect(put.statusCode).toBe(404);
    const withTheirAssistant = await post(first.adminKey, {
      name: "R",
      channel: "chat",
      assistantId: theirAssistant,
    });
    expect(withTheirAssistant.statusCode).toBe(404);
    const withTheirBrand = await post(first.adminKey, {
      name: "R",
      channel: "chat",
      brandId: theirBrand,
      assistantId: chatAssistant,
    });
    expect(withTheirBrand.statusCode).toBe(404);
    const reorder = await server.request(first.adminKey, {
      method: "PUT",
      url: "/v1/rules/order",
      payload: { ids: [...(await ruleIds()), theirId] },
    });
    expect(reorder.statusCode).toBe(400);
    expect(problemCodes(reorder)).toEqual(["unknown_rule"]);
    const stillTheirs = await server.request(second.adminKey, { method: "GET", url: `/v1/rules/${theirId}` });
    expect(stillTheirs.json()).toMatchObject({ name: "Theirs", position: 1 });
  });

  it("drops the rules of a deleted assistant and still adds new rules last", async () => {
    const { database } = server.connection;
    const doomed = (await createTestAssistant(database, first.id)).id;
    const goner = await created({ name: "Goes with its assistant", channel: "chat", assistantId: doomed });
    const survivor = await created({ name: "Stays", channel: "chat", assistantId: chatAssistant });
    await deleteTestAssistant(database, doomed);
    expect(await ruleIds()).not.toContain(goner.id);
    const added = await created({ name: "Added after", channel: "chat", assistantId: chatAssistant });
    expect(added.position).toBeGreaterThan(survivor.position);
    expect((await ruleIds()).at(-1)).toBe(added.id);
  });

  it("stops at 200 rules per organization (422 naming the limit)", async () => {
    const crowded = await server.organization("Crowded");
    const { database } = server.connection;
    const assistant = (await createTestAssistant(database, crowded.id)).id;
    const input = RuleInput.parse({ name: "Filler", channel: "chat", assistantId: assistant });
    for (let index = 0; index < 200; index += 1) await createRule(database, crowded.id, input);
    const response = await post(crowded.adminKey, {
      name: "One too many",
      channel: "chat",
      assistantId: assistant,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: "limit_reached", problems: [{ limit: 200 }] });
    expect(response.json().error.message).toContain("200 rules");
    expect((await ruleIds(crowded.adminKey)).length).toBe(200);
  });
});
