import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrganization } from "../../server/src/conversations/test-setup.ts";
import { createTestServer, type TestOrganization, type TestServer } from "../../server/test/test-server.ts";
import { runParleyHere as parley, stackTraceLine } from "./run-parley.ts";

/**
 * One real server, as `PARLEY_ALLOWED_OUTGOING_HOSTS=127.0.0.1 parley serve` runs it: the
 * simulator's stand-in for the provider lives on loopback, which servers refuse by default.
 */
describe("parley channels simulate against a running server", { timeout: 120_000 }, () => {
  let server: TestServer;
  let url: string;
  let organization: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer("pglite", { outgoing: { allowedHosts: ["127.0.0.1"] } });
    url = await server.listen();
    const demo = await demoOrganization(server);
    organization = demo.organization;
    const created = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/assistants",
      payload: { internalName: "SMS tutorial", channel: "sms", type: "lite", template: "tutorial" },
    });
    expect(created.statusCode).toBe(201);
    const assistantId = created.json().id as string;
    const published = await server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/assistants/${assistantId}/publish`,
    });
    expect(published.statusCode).toBe(201);
    const defaulted = await server.request(organization.adminKey, {
      method: "PUT",
      url: `/v1/default-assistants/${demo.brandId}/sms`,
      payload: { assistantId },
    });
    expect(defaulted.statusCode).toBe(200);
  });
  afterAll(async () => {
    await server.close();
  });

  it("texts the SMS tutorial through Twilio's signed webhook and prints every reply, then removes the connection", async () => {
    const run = await parley(
      "channels",
      "simulate",
      "--provider",
      "twilio",
      "--server",
      url,
      "--key",
      organization.adminKey,
      "--message",
      "Hi",
      "--message",
      "Ana",
      "--message",
      "2",
      "--wait-seconds",
      "20",
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const transcript = run.stdout;
    const order = [
      "you: Hi",
      "assistant: Hi! I'm a bot, not a real person.",
      "assistant: First, what's your name?",
      "you: Ana",
      "Reply with a number:",
      "1️⃣ Customer experience (CX)",
      "2️⃣ Sales",
      "you: 2",
      "assistant: Thanks, Ana! I'm connecting you with our sales team.",
      "deleted]",
    ].map((text) => transcript.indexOf(text));
    expect(
      order.every((position) => position >= 0),
      transcript,
    ).toBe(true);
    expect([...order].sort((left, right) => left - right)).toEqual(order);
    const listed = await server.request(organization.adminKey, {
      method: "GET",
      url: "/v1/channel-connections",
    });
    expect(listed.json().data).toEqual([]);
  });
});

describe("parley channels simulate when the server refuses loopback", () => {
  let refusing: Server;
  let url: string;

  // The server's answer when PARLEY_ALLOWED_OUTGOING_HOSTS does not list the stand-in's address.
  beforeAll(async () => {
    refusing = createServer((_request, response) => {
      response.writeHead(422, { "content-type": "application/json" }).end(
        JSON.stringify({
          error: {
            code: "invalid_channel_connection",
            message: "The connection cannot be saved: 1 problem(s).",
            problems: [
              {
                in: "body",
                path: "/apiBaseUrl",
                code: "address_not_allowed",
                message:
                  "127.0.0.1 is a loopback address; Parley sends requests only to public addresses unless the server's operator allows the host (PARLEY_ALLOWED_OUTGOING_HOSTS)",
              },
            ],
          },
        }),
      );
    });
    await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => refusing.close(() => resolve())));

  it("says exactly what to set on the server and exits 1", async () => {
    const run = await parley(
      "channels",
      "simulate",
      "--provider",
      "meta",
      "--server",
      url,
      "--key",
      "k",
      "--message",
      "Hi",
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("PARLEY_ALLOWED_OUTGOING_HOSTS=127.0.0.1 parley serve");
    expect(run.stderr).not.toMatch(stackTraceLine);
    expect(run.stdout).not.toContain("you: Hi");
  });
});
