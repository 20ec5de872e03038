import { eq } from "drizzle-orm";
import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestOrganization } from "../../../test/test-server.ts";
import { createTestServer, type TestServer, testDatabases } from "../../../test/test-server.ts";
import { demoOrganization } from "../../conversations/test-setup.ts";
import { conversations, customers } from "../../database/schema/index.ts";

const secret = "a-brand-secret-that-is-long-enough-for-hs256";

describe.each(testDatabases)("customer JWTs on %s", (kind) => {
  let server: TestServer;
  let baseUrl: string;
  let brandId: string;
  let organization: TestOrganization;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

  beforeAll(async () => {
    server = await createTestServer(kind);
    ({ brandId, organization } = await demoOrganization(server));
    baseUrl = await server.listen();
    const pair = await generateKeyPair("RS256", { extractable: true });
    privateKey = pair.privateKey;
    const response = await server.request(organization.adminKey, {
      method: "PATCH",
      url: `/v1/brands/${brandId}/web-chat`,
      payload: {
        jwtSecret: secret,
        jwtPublicKey: await exportSPKI(pair.publicKey),
        settings: { consentText: "We keep chats for 30 days." },
      },
    });
    expect(response.json()).toMatchObject({
      hasJwtSecret: true,
      settings: { consentText: "We keep chats for 30 days." },
    });
    expect(response.body).not.toContain(secret);
  });
  afterAll(() => server.close());

  function signed(claims: Record<string, unknown>, expiresIn = "10m") {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime(expiresIn)
      .setIssuedAt();
  }

  async function start(customerToken: string) {
    return fetch(`${baseUrl}/v1/web-chat/conversations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ brandId, customerToken }),
    });
  }

  it("links the conversation to the customer an HS256 token names, creating the record once", async () => {
    const token = await signed({ sub: "shop-42", email: "Ada@Example.com", name: "Ada" }).sign(
      new TextEncoder().encode(secret),
    );
    const first = (await (await start(token)).json()) as { conversation: { id: string } };
    const second = (await (await start(token)).json()) as { conversation: { id: string } };
    const rows = await server.connection.database
      .select()
      .from(customers)
      .where(eq(customers.externalId, "shop-42"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: "ada@example.com", name: "Ada" });
    for (const id of [first.conversation.id, second.conversation.id]) {
      const [row] = await server.connection.database
        .select()
        .from(conversations)
        .where(eq(conversations.id, id));
      expect(row?.customerId).toBe(rows[0]?.id);
    }
  });

  it("accepts RS256 tokens signed with the key matching the brand's public key", async () => {
    const token = await new SignJWT({ sub: "shop-rs" })
      .setProtectedHeader({ alg: "RS256" })
      .setExpirationTime("5m")
      .sign(privateKey);
    expect((await start(token)).status).toBe(201);
  });

  it("refuses expired, forged, unsigned and claimless tokens with 401 naming the reason", async () => {
    const key = new TextEncoder().encode(secret);
    const cases: Array<[string, string]> = [
      [await signed({ sub: "late" }, "-1m").sign(key), "expired"],
      [
        await signed({ sub: "forged" }).sign(
          new TextEncoder().encode("another-secret-another-secret-another"),
        ),
        "signature",
      ],
      [await new SignJWT({ sub: "forever" }).setProtectedHeader({ alg: "HS256" }).sign(key), "exp"],
      ["not.a.jwt", "not a valid JWT"],
      [
        `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"sub":"x"}').toString("base64url")}.`,
        "algorithm",
      ],
    ];
    for (const [token, reason] of cases) {
      const response = await start(token);
      expect(response.status, reason).toBe(401);
      const body = (await response.json()) as {
        error: { code: string; message: string; problems: Array<{ path: string }> };
      };
      expect(body.error.code).toBe("invalid_customer_token");
      expect(body.error.message).toContain(reason);
      expect(body.error.problems[0]?.path).toBe("/customerToken");
    }
  });

  it("refuses a public key that is not PEM", async () => {
    const response = await server.request(organization.adminKey, {
      method: "PATCH",
      url: `/v1/brands/${brandId}/web-chat`,
      payload: { jwtPublicKey: "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { problems: [{ path: "/jwtPublicKey" }] } });
    const short = await server.request(organization.adminKey, {
      method: "PATCH",
      url: `/v1/brands/${brandId}/web-chat`,
      payload: { jwtSecret: "short" },
    });
    expect(short.json()).toMatchObject({
      error: { problems: [expect.objectContaining({ path: "/jwtSecret" })] },
    });
  });
});
