import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { eventually } from "../conversations/test-setup.ts";
import { publicAddress, testDns } from "../outgoing/test-dns.ts";
import { startTestReceiver, type TestReceiver } from "./test-receiver.ts";

interface Attempt {
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
}

/**
 * Webhooks on a server whose operator allowed one internal host and nothing else on loopback, as
 * a production server would run: the receiver listens on 127.0.0.1 and is reachable only by the
 * allowed name.
 */
describe.each(testDatabases)(
  "webhooks to addresses that are not public on %s",
  { timeout: 20_000 },
  (kind) => {
    let server: TestServer;
    let organization: TestOrganization;
    let receiver: TestReceiver;
    let port: string;
    const dns = new Map<string, string[]>();

    beforeAll(async () => {
      receiver = await startTestReceiver();
      port = new URL(receiver.url).port;
      dns.set("localhost", ["127.0.0.1", "::1"]);
      dns.set("hooks.internal", ["127.0.0.1"]);
      dns.set("rebinding.example", [publicAddress]);
      dns.set("metadata.google.internal", ["169.254.169.254"]);
      server = await createTestServer(kind, {
        outgoing: { allowedHosts: ["hooks.internal"], resolveHost: testDns(dns) },
      });
      organization = await server.organization("Outgoing");
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await receiver?.close();
    });

    function subscribe(url: string) {
      return server.request(organization.adminKey, {
        method: "POST",
        url: "/v1/webhooks",
        payload: { url, events: ["conversation.transferred"] },
      });
    }

    async function ping(webhookId: string): Promise<string> {
      const queued = await server.request(organization.adminKey, {
        method: "POST",
        url: `/v1/webhooks/${webhookId}/test`,
      });
      expect(queued.statusCode, queued.body).toBe(202);
      return queued.json().id;
    }

    async function firstAttempt(deliveryId: string): Promise<Attempt> {
      return eventually(async () => {
        const found = await server.request(organization.adminKey, {
          method: "GET",
          url: `/v1/webhook-deliveries/${deliveryId}`,
        });
        return (found.json().attempts as Attempt[])[0];
      }, 10_000);
    }

    it.each([
      ["http://127.0.0.1:PORT/parley-hook", "127.0.0.1 is a loopback address"],
      ["http://2130706433:PORT/", "127.0.0.1 is a loopback address"],
      ["http://0x7f.1:PORT/", "127.0.0.1 is a loopback address"],
      ["http://[::1]:PORT/", "::1 is a loopback address"],
      ["http://[::ffff:127.0.0.1]:PORT/", "is a loopback address"],
      ["http://localhost:PORT/", "127.0.0.1 (the address of localhost) is a loopback address"],
      ["http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"],
      ["http://metadata.google.internal/computeMetadata/v1/", "link-local"],
      ["https://10.0.0.5/hook", "10.0.0.5 is a private address"],
      ["https://[fd00::1]/hook", "fd00::1 is a private (unique local) address"],
      ["https://100.64.0.1/hook", "carrier-grade NAT"],
    ])("refuses to subscribe %s, naming /url and the rule", async (template, rule) => {
      const response = await subscribe(template.replace("PORT", port));
      expect(response.statusCode, response.body).toBe(422);
      const { error } = response.json();
      expect(error.code).toBe("address_not_allowed");
      expect(error.problems).toEqual([
        expect.objectContaining({ in: "body", path: "/url", code: "address_not_allowed" }),
      ]);
      expect(error.problems[0].message).toContain(rule);
      expect(error.problems[0].message).toContain("PARLEY_ALLOWED_OUTGOING_HOSTS");
    });

    it("refuses to move a subscription to a private address", async () => {
      const created = await subscribe(`http://hooks.internal:${port}/parley-hook`);
      expect(created.statusCode, created.body).toBe(201);
      const moved = await server.request(organization.adminKey, {
        method: "PATCH",
        url: `/v1/webhooks/${created.json().id}`,
        payload: { url: `http://127.0.0.1:${port}/parley-hook` },
      });
      expect(moved.statusCode, moved.body).toBe(422);
      expect(moved.json().error.problems[0]).toMatchObject({ path: "/url", code: "address_not_allowed" });
    });

    it("delivers to a host the operator allows, though it is on loopback", async () => {
      const created = await subscribe(`http://hooks.internal:${port}/parley-hook`);
      expect(created.statusCode, created.body).toBe(201);
      receiver.secrets = [created.json().secret];
      const before = receiver.received.length;
      const attempt = await firstAttempt(await ping(created.json().id));
      expect(attempt).toMatchObject({ responseStatus: 200, responseBody: "thanks", error: null });
      expect(receiver.received.length).toBe(before + 1);
      expect(receiver.received.at(-1)?.matchedSecret).toBe(0);
    });

    it("refuses when connecting a name that has since moved to loopback (DNS rebinding), storing no reply", async () => {
      const created = await subscribe(`http://rebinding.example:${port}/parley-hook`);
      expect(created.statusCode, created.body).toBe(201);
      dns.set("rebinding.example", ["127.0.0.1"]);
      const before = receiver.received.length;
      const deliveryId = await ping(created.json().id);
      const attempt = await firstAttempt(deliveryId);
      expect(attempt.responseStatus).toBeNull();
      expect(attempt.responseBody).toBeNull();
      expect(attempt.error).toContain("127.0.0.1 (the address of rebinding.example) is a loopback address");
      expect(receiver.received.length).toBe(before);
      const delivery = await server.request(organization.adminKey, {
        method: "GET",
        url: `/v1/webhook-deliveries/${deliveryId}`,
      });
      expect(delivery.json()).toMatchObject({ lastResponseStatus: null, attemptCount: 1 });
    });
  },
);
