import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer, testDatabases } from "../../../test/test-server.ts";
import { demoOrganization } from "../../conversations/test-setup.ts";

const limits = {
  requestsPerMinutePerIp: 50,
  messagesPerMinutePerConversation: 3,
  messagesPerMinutePerIp: 5,
  startsPerMinutePerIp: 4,
};

/** The proxy the second server trusts. */
const proxyAddress = "10.0.0.1";

let addressCounter = 0;
/** A client address no other test uses, so budgets start fresh. */
function freshAddress(): string {
  addressCounter += 1;
  return `192.0.2.${addressCounter}`;
}

function expectRateLimited(response: LightMyRequestResponse, limit: number): void {
  expect(response.statusCode).toBe(429);
  expect(response.headers["retry-after"]).toBeDefined();
  expect(response.json()).toMatchObject({
    error: { code: "rate_limited", problems: [{ path: "", code: "rate_limited", limit }] },
  });
}

describe.each(testDatabases)("web chat rate limits on %s", (kind) => {
  let direct: TestServer;
  let proxied: TestServer;
  let brandId: string;
  let proxiedBrandId: string;
  const directLogs: string[] = [];
  const proxiedLogs: string[] = [];

  beforeAll(async () => {
    [direct, proxied] = await Promise.all([
      createTestServer(kind, { webChatLimits: limits, logs: directLogs }),
      createTestServer(kind, { webChatLimits: limits, logs: proxiedLogs, trustedProxies: [proxyAddress] }),
    ]);
    ({ brandId } = await demoOrganization(direct));
    ({ brandId: proxiedBrandId } = await demoOrganization(proxied));
  }, 120_000);
  afterAll(() => Promise.all([direct?.close(), proxied?.close()]), 60_000);

  function start(server: TestServer, from: string, headers: Record<string, string> = {}) {
    return server.app.inject({
      method: "POST",
      url: "/v1/web-chat/conversations",
      remoteAddress: from,
      headers,
      payload: { brandId: server === direct ? brandId : proxiedBrandId, session: {} },
    });
  }

  async function started(from: string): Promise<{ id: string; visitorToken: string }> {
    const response = await start(direct, from);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    return { id: body.conversation.id, visitorToken: body.visitorToken };
  }

  function send(conversation: { id: string; visitorToken: string }, from: string, index: number) {
    return direct.app.inject({
      method: "POST",
      url: `/v1/web-chat/conversations/${conversation.id}/messages`,
      remoteAddress: from,
      headers: { "x-parley-visitor-token": conversation.visitorToken },
      payload: { clientMessageId: `message-${index}`, text: "Hello" },
    });
  }

  it("gives a spoofed X-Forwarded-For no fresh budget without a trusted proxy, nor logs it", async () => {
    const from = freshAddress();
    const statuses: number[] = [];
    for (let index = 1; index <= limits.startsPerMinutePerIp + 1; index += 1) {
      const response = await start(direct, from, { "x-forwarded-for": `203.0.113.${index}` });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expectRateLimited(response, limits.startsPerMinutePerIp);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    expect(directLogs.join("\n")).not.toContain("203.0.113.");
    expect(directLogs.join("\n")).toContain(`"remoteAddress":"${from}"`);
  });

  it("believes X-Forwarded-For from a trusted proxy only, one budget per client behind it", async () => {
    const client = "198.51.100.7";
    const statuses: number[] = [];
    for (let index = 0; index <= limits.startsPerMinutePerIp; index += 1) {
      statuses.push((await start(proxied, proxyAddress, { "x-forwarded-for": client })).statusCode);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    expect(proxiedLogs.join("\n")).toContain(`"remoteAddress":"${client}"`);
    // Another client behind the same proxy has a budget of its own.
    expect((await start(proxied, proxyAddress, { "x-forwarded-for": "198.51.100.8" })).statusCode).toBe(201);

    // The same header from anywhere else is ignored: that sender spends its own budget.
    const untrusted = freshAddress();
    const spoofed: number[] = [];
    for (let index = 1; index <= limits.startsPerMinutePerIp + 1; index += 1) {
      const headers = { "x-forwarded-for": `198.51.100.${100 + index}` };
      spoofed.push((await start(proxied, untrusted, headers)).statusCode);
    }
    expect(spoofed).toEqual([201, 201, 201, 201, 429]);
  });

  it("makes the session cookie Secure on X-Forwarded-Proto: https from a trusted proxy only", async () => {
    const signIn = async (server: TestServer, from: string) => {
      const { email, password, organizationId } = await (await server.organization()).user("admin");
      const response = await server.app.inject({
        method: "POST",
        url: "/v1/session",
        remoteAddress: from,
        headers: { "x-forwarded-proto": "https" },
        payload: { email, password, organizationId },
      });
      expect(response.statusCode).toBe(200);
      return String(response.headers["set-cookie"]);
    };
    expect(await signIn(proxied, proxyAddress)).toMatch(/;\s*Secure/i);
    expect(await signIn(proxied, freshAddress())).not.toMatch(/;\s*Secure/i);
    expect(await signIn(direct, freshAddress())).not.toMatch(/;\s*Secure/i);
  });

  it("counts every spelling of a conversation id against one budget", async () => {
    const conversation = await started(freshAddress());
    const shouting = { ...conversation, id: conversation.id.toUpperCase() };
    expect(shouting.id).not.toBe(conversation.id);
    // Each message from another address, so only the conversation's budget is spent.
    const statuses: number[] = [];
    for (let index = 0; index < limits.messagesPerMinutePerConversation; index += 1) {
      statuses.push(
        (await send(index % 2 === 0 ? conversation : shouting, freshAddress(), index)).statusCode,
      );
    }
    expect(statuses).toEqual([202, 202, 202]);
    const over = await send(shouting, freshAddress(), 99);
    expectRateLimited(over, limits.messagesPerMinutePerConversation);
  });

  it("limits messages from one address across its conversations", async () => {
    const from = freshAddress();
    const first = await started(from);
    const second = await started(from);
    const statuses: number[] = [];
    for (let index = 0; index < limits.messagesPerMinutePerIp; index += 1) {
      statuses.push((await send(index < 3 ? first : second, from, index)).statusCode);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202]);
    expectRateLimited(await send(second, from, 99), limits.messagesPerMinutePerIp);
    // Another address may still write into the same conversation.
    expect((await send(second, freshAddress(), 100)).statusCode).toBe(202);
  });

  it("limits conversation starts from one address, proactive ones counted only when they start", async () => {
    const from = freshAddress();
    const ask = () =>
      direct.app.inject({
        method: "POST",
        url: "/v1/web-chat/proactive",
        remoteAddress: from,
        payload: { brandId, session: {} },
      });
    // A page asks every few seconds whether a proactive rule fits; asking starts nothing.
    for (let index = 0; index < limits.startsPerMinutePerIp + 2; index += 1) {
      expect((await ask()).json()).toEqual({ match: false });
    }
    for (let index = 0; index < limits.startsPerMinutePerIp; index += 1) {
      expect((await start(direct, from)).statusCode).toBe(201);
    }
    expectRateLimited(await start(direct, from), limits.startsPerMinutePerIp);
    expectRateLimited(await ask(), limits.startsPerMinutePerIp);
    expect((await start(direct, freshAddress())).statusCode).toBe(201);
  });
});
