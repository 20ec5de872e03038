import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signMessagebirdWebhook } from "../../../test/providers/messagebird-provider.ts";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testCredentialCipher,
  testDatabases,
} from "../../../test/test-server.ts";
import { serverStartMilliseconds } from "../../agents/agent-test-support.ts";
import { demoOrganization } from "../../conversations/test-setup.ts";
import { connectionForAdapter, findConnection } from "./connection-store.ts";

const twilioToken = "twilio-auth-token-7f3a";
const twilioSid = `AC${"2".repeat(30)}5e6f`;
const birdAccessKey = "bird-access-key-91c2";
const birdSigningKey = "bird-signing-key-d4e8";
const metaSecrets = {
  accessToken: "meta-token-0b1c",
  appSecret: "meta-secret-aa77",
  verifyToken: "verify-3c3c",
};
const newBirdSigningKey = "bird-signing-key-rotated-5a5a";
const secrets = [
  twilioToken,
  twilioSid,
  birdAccessKey,
  birdSigningKey,
  newBirdSigningKey,
  ...Object.values(metaSecrets),
];

/** Every body a test saw, so the last test can show no credential was ever in one. */
const responses: string[] = [];

function twilioSms(address = "+15550001111"): Record<string, unknown> {
  return {
    name: "US support line",
    provider: "twilio",
    kind: "sms",
    address,
    credentials: { accountSid: twilioSid, authToken: twilioToken },
  };
}

function messagebirdWhatsapp(address = "a1b2c3d4e5f60718293a4b5c6d7e8f90"): Record<string, unknown> {
  return {
    name: "WhatsApp (MessageBird)",
    provider: "messagebird",
    kind: "whatsapp",
    address,
    credentials: { accessKey: birdAccessKey, signingKey: birdSigningKey },
  };
}

function problemsOf(
  response: LightMyRequestResponse,
): Array<{ path: string; code: string; message: string }> {
  return response.json().error?.problems ?? [];
}

describe.each(testDatabases)("channel connections API on %s", (kind) => {
  const logs: string[] = [];
  let server: TestServer;
  let organization: TestOrganization;
  let brandId: string;

  beforeAll(async () => {
    server = await createTestServer(kind, { logs });
  }, serverStartMilliseconds);
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    ({ organization, brandId } = await demoOrganization(server));
  });

  async function call(
    method: "GET" | "POST" | "PATCH" | "DELETE",
    url: string,
    payload?: Record<string, unknown>,
    key = organization.adminKey,
  ): Promise<LightMyRequestResponse> {
    const response = await server.request(key, { method, url, ...(payload ? { payload } : {}) });
    responses.push(response.body);
    return response;
  }

  async function created(body: Record<string, unknown>): Promise<Record<string, unknown> & { id: string }> {
    const response = await call("POST", "/v1/channel-connections", body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  it("creates, lists, reads, changes and deletes a connection", async () => {
    const connection = await created({ ...messagebirdWhatsapp(), brandId });
    expect(connection).toMatchObject({
      name: "WhatsApp (MessageBird)",
      brandId,
      provider: "messagebird",
      kind: "whatsapp",
      channel: "messagebird_whatsapp",
      address: "a1b2c3d4e5f60718293a4b5c6d7e8f90",
      credentialHints: { accessKey: "…91c2", signingKey: "…d4e8" },
      apiBaseUrl: null,
      whatsappTemplate: null,
      enabled: true,
    });
    expect(connection.webhookUrl).toMatch(
      new RegExp(`^https?://[^/]+/v1/channels/messagebird/${connection.id}/webhook$`),
    );
    const sms = await created(twilioSms());
    expect(sms).toMatchObject({ channel: "sms", brandId: null });

    const listed = await call("GET", "/v1/channel-connections");
    expect(listed.statusCode).toBe(200);
    expect(listed.json().data.map((row: { id: string }) => row.id)).toEqual([connection.id, sms.id]);
    const read = await call("GET", `/v1/channel-connections/${connection.id}`);
    expect(read.json()).toEqual(connection);

    const changed = await call("PATCH", `/v1/channel-connections/${connection.id}`, {
      name: "WhatsApp NL",
      enabled: false,
      apiBaseUrl: "http://127.0.0.1:9/sandbox/",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      name: "WhatsApp NL",
      enabled: false,
      apiBaseUrl: "http://127.0.0.1:9/sandbox",
      credentialHints: { accessKey: "…91c2", signingKey: "…d4e8" },
      brandId,
    });

    const deleted = await call("DELETE", `/v1/channel-connections/${connection.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await call("GET", `/v1/channel-connections/${connection.id}`)).statusCode).toBe(404);
    expect((await call("DELETE", `/v1/channel-connections/${connection.id}`)).statusCode).toBe(404);
    const after = await call("GET", "/v1/channel-connections");
    expect(after.json().data.map((row: { id: string }) => row.id)).toEqual([sms.id]);
  });

  it("lets read-only keys list but not connect", async () => {
    const readKey = await organization.keyWith("org.read");
    expect((await call("GET", "/v1/channel-connections", undefined, readKey)).statusCode).toBe(200);
    expect((await call("POST", "/v1/channel-connections", twilioSms(), readKey)).statusCode).toBe(403);
  });

  const refusals: Array<[string, Record<string, unknown>, number, string, string]> = [
    ["an unknown provider", { ...twilioSms(), provider: "nexmo" }, 400, "/provider", "invalid_value"],
    ["SMS through Meta", { ...metaWhatsapp(), kind: "sms" }, 422, "/kind", "kind_not_for_provider"],
    [
      "a missing credential",
      { ...messagebirdWhatsapp(), credentials: { accessKey: birdAccessKey } },
      422,
      "/credentials/signingKey",
      "required",
    ],
    [
      "an unknown credential",
      { ...twilioSms(), credentials: { accountSid: twilioSid, authToken: twilioToken, apiKey: "x" } },
      422,
      "/credentials/apiKey",
      "unknown_credential",
    ],
    [
      "an empty credential",
      { ...twilioSms(), credentials: { accountSid: twilioSid, authToken: "  " } },
      400,
      "/credentials/authToken",
      "too_small",
    ],
    ["a Twilio number without +", twilioSms("15550001111"), 422, "/address", "invalid_address"],
    [
      "a Meta phone number id with letters",
      { ...metaWhatsapp(), address: "+1555" },
      422,
      "/address",
      "invalid_address",
    ],
    [
      "a MessageBird channel id with spaces",
      messagebirdWhatsapp("my channel"),
      422,
      "/address",
      "invalid_address",
    ],
    [
      "a template on Twilio",
      { ...twilioSms(), kind: "whatsapp", whatsappTemplate: { name: "hello", language: "en" } },
      422,
      "/whatsappTemplate",
      "template_needs_meta",
    ],
    ["an unknown brand", { ...twilioSms(), brandId: randomUUID() }, 422, "/brandId", "unknown_brand"],
    [
      "an FTP API base URL",
      { ...twilioSms(), apiBaseUrl: "ftp://files.example.com" },
      400,
      "/apiBaseUrl",
      "invalid_format",
    ],
  ];

  it.each(refusals)("refuses %s, naming the field", async (_label, body, status, path, code) => {
    const response = await call("POST", "/v1/channel-connections", body);
    expect(response.statusCode, response.body).toBe(status);
    expect(problemsOf(response)).toContainEqual(expect.objectContaining({ path, code }));
    expect((await call("GET", "/v1/channel-connections")).json().data).toEqual([]);
  });

  it("refuses another organization's brand as unknown", async () => {
    const other = await demoOrganization(server);
    const response = await call("POST", "/v1/channel-connections", {
      ...twilioSms(),
      brandId: other.brandId,
    });
    expect(response.statusCode).toBe(422);
    expect(problemsOf(response)).toEqual([
      expect.objectContaining({ path: "/brandId", code: "unknown_brand" }),
    ]);
  });

  it("checks a change by the same rules as a new connection", async () => {
    const connection = await created(twilioSms());
    const url = `/v1/channel-connections/${connection.id}`;
    const changes: Array<[Record<string, unknown>, number, string, string]> = [
      [{ address: "555-0101" }, 422, "/address", "invalid_address"],
      [{ credentials: { apiSecret: "x" } }, 422, "/credentials/apiSecret", "unknown_credential"],
      [
        { whatsappTemplate: { name: "hello", language: "en" } },
        422,
        "/whatsappTemplate",
        "template_needs_meta",
      ],
      [{ brandId: randomUUID() }, 422, "/brandId", "unknown_brand"],
      [{ apiBaseUrl: "file:///etc/passwd" }, 400, "/apiBaseUrl", "invalid_format"],
      [{ provider: "meta" }, 400, "/provider", "unrecognized_key"],
    ];
    for (const [change, status, path, code] of changes) {
      const response = await call("PATCH", url, change);
      expect(response.statusCode, JSON.stringify(change)).toBe(status);
      expect(problemsOf(response)).toContainEqual(expect.objectContaining({ path, code }));
    }
    expect((await call("GET", url)).json()).toEqual(connection);
  });

  it("refuses a second connection of the same number, and a change onto a number already connected", async () => {
    await created(twilioSms("+15550002222"));
    const again = await call("POST", "/v1/channel-connections", twilioSms("+15550002222"));
    expect(again.statusCode).toBe(422);
    expect(problemsOf(again)).toEqual([expect.objectContaining({ path: "/address", code: "address_taken" })]);

    const other = await created(twilioSms("+15550003333"));
    const moved = await call("PATCH", `/v1/channel-connections/${other.id}`, { address: "+15550002222" });
    expect(moved.statusCode).toBe(422);
    expect(problemsOf(moved)).toEqual([expect.objectContaining({ path: "/address", code: "address_taken" })]);
    // Its own number again is no conflict.
    const same = await call("PATCH", `/v1/channel-connections/${other.id}`, { address: "+15550003333" });
    expect(same.statusCode).toBe(200);
  });

  it("replaces only the credentials a change gives", async () => {
    const connection = await created(messagebirdWhatsapp());
    const changed = await call("PATCH", `/v1/channel-connections/${connection.id}`, {
      credentials: { signingKey: newBirdSigningKey },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().credentialHints).toEqual({ accessKey: "…91c2", signingKey: "…5a5a" });
    const row = await findConnection(server.connection.database, connection.id);
    if (!row) throw new Error("the connection is gone");
    expect(connectionForAdapter(row, testCredentialCipher).credentials).toEqual({
      accessKey: birdAccessKey,
      signingKey: newBirdSigningKey,
    });

    // MessageBird's webhooks are now checked with the new signing key, and the old one no longer opens it.
    const webhookUrl = String(connection.webhookUrl);
    const post = async (key: string) => {
      const body = JSON.stringify({ type: "conversation.updated" });
      const response = await server.request(null, {
        method: "POST",
        url: new URL(webhookUrl).pathname,
        headers: {
          "content-type": "application/json",
          "messagebird-signature-jwt": await signMessagebirdWebhook(key, webhookUrl, body),
        },
        payload: body,
      });
      responses.push(response.body);
      return response.statusCode;
    };
    expect(await post(newBirdSigningKey)).toBe(200);
    expect(await post(birdSigningKey)).toBe(403);
  });

  it("keeps connections to their organization", async () => {
    const connection = await created(twilioSms());
    const other = await server.organization("Someone else");
    const url = `/v1/channel-connections/${connection.id}`;
    expect((await call("GET", url, undefined, other.adminKey)).statusCode).toBe(404);
    expect((await call("PATCH", url, { name: "Mine now" }, other.adminKey)).statusCode).toBe(404);
    expect((await call("DELETE", url, undefined, other.adminKey)).statusCode).toBe(404);
    expect((await call("GET", "/v1/channel-connections", undefined, other.adminKey)).json().data).toEqual([]);
    // The other organization may connect the same number for itself.
    expect((await call("POST", "/v1/channel-connections", twilioSms(), other.adminKey)).statusCode).toBe(201);
    expect((await call("GET", url)).json()).toEqual(connection);
  });

  it("answers 404 at the webhook of a deleted connection", async () => {
    const connection = await created(messagebirdWhatsapp());
    const path = new URL(String(connection.webhookUrl)).pathname;
    expect((await call("DELETE", `/v1/channel-connections/${connection.id}`)).statusCode).toBe(204);
    const body = JSON.stringify({ type: "message.created" });
    const response = await server.request(null, {
      method: "POST",
      url: path,
      headers: {
        "content-type": "application/json",
        "messagebird-signature-jwt": await signMessagebirdWebhook(
          birdSigningKey,
          String(connection.webhookUrl),
          body,
        ),
      },
      payload: body,
    });
    expect(response.statusCode).toBe(404);
    expect((await server.request(null, { method: "GET", url: path })).statusCode).toBe(404);
  });

  it("never shows or logs a credential, only the last four characters", async () => {
    const meta = await created(metaWhatsapp());
    expect(meta.credentialHints).toEqual({ accessToken: "…0b1c", appSecret: "…aa77", verifyToken: "…3c3c" });
    await call("GET", "/v1/channel-connections");
    await call("PATCH", `/v1/channel-connections/${meta.id}`, { credentials: metaSecrets });
    expect(responses.length).toBeGreaterThan(20);
    expect(logs.length).toBeGreaterThan(20);
    for (const secret of secrets) {
      expect(responses.filter((body) => body.includes(secret))).toEqual([]);
      expect(logs.filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});

function metaWhatsapp(): Record<string, unknown> {
  return {
    name: "WhatsApp (Meta)",
    provider: "meta",
    kind: "whatsapp",
    address: "106540352242922",
    credentials: metaSecrets,
    whatsappTemplate: { name: "support_follow_up", language: "en_US" },
  };
}

describe.each(testDatabases)("channel connections on a server without a secret key, on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind, { credentialCipher: null });
  }, serverStartMilliseconds);
  afterAll(async () => {
    await server?.close();
  });

  it("refuses to store credentials it could not encrypt", async () => {
    const organization = await server.organization();
    const response = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/channel-connections",
      payload: twilioSms(),
    });
    expect(response.statusCode).toBe(422);
    expect(problemsOf(response)).toEqual([
      expect.objectContaining({
        path: "/credentials",
        code: "no_secret_key",
        message: expect.stringContaining("PARLEY_SECRET_KEY"),
      }),
    ]);
    const listed = await server.request(organization.adminKey, {
      method: "GET",
      url: "/v1/channel-connections",
    });
    expect(listed.json().data).toEqual([]);
  });
});
