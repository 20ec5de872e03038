import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutgoingClient, type OutgoingClient } from "./guarded-fetch.ts";
import { publicAddress, testDns } from "./test-dns.ts";

/** fetch's own error says only "fetch failed"; the reason is its cause. */
async function failureOf(request: Promise<Response>): Promise<string> {
  const error = await request.then(
    () => null,
    (failure: Error) => failure,
  );
  if (!error) throw new Error("the request went through");
  return error.cause instanceof Error ? error.cause.message : error.message;
}

describe("the guarded outgoing client", () => {
  let server: Server;
  let port: number;
  let requests = 0;
  const answers = new Map<string, string[]>();
  let client: OutgoingClient;

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests += 1;
      if (request.url === "/elsewhere") {
        response.writeHead(302, { location: `http://127.0.0.1:${port}/` });
        response.end();
        return;
      }
      response.end("secret internal page");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    answers.set("hooks.internal", ["127.0.0.1"]);
    answers.set("rebinding.example", [publicAddress]);
    answers.set("mixed.example", ["10.0.0.1", "127.0.0.1"]);
    client = createOutgoingClient({ allowedHosts: ["hooks.internal"], resolveHost: testDns(answers) });
  });
  afterAll(async () => {
    await client.close();
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  });

  it.each(["127.0.0.1", "2130706433", "0x7f.1", "0177.0.0.1", "[::ffff:127.0.0.1]"])(
    "connects to no loopback address written as %s",
    async (host) => {
      const before = requests;
      expect(await failureOf(client.fetch(`http://${host}:${port}/`))).toMatch(
        /^refused to connect: (127\.0\.0\.1|::ffff:7f00:1) is a loopback address/,
      );
      expect(requests).toBe(before);
    },
  );

  it("checks the address a name resolves to when connecting, not when the URL was saved", async () => {
    const url = `http://rebinding.example:${port}/`;
    expect(await client.refusalOf(url)).toBeNull();
    answers.set("rebinding.example", ["127.0.0.1"]);
    const before = requests;
    expect(await failureOf(client.fetch(url))).toContain(
      "127.0.0.1 (the address of rebinding.example) is a loopback address",
    );
    expect(requests).toBe(before);
    expect(await client.refusalOf(url)).toContain("loopback");
  });

  it("refuses a name whose every address is private", async () => {
    expect(await failureOf(client.fetch(`http://mixed.example:${port}/`))).toContain("private address");
    expect(await client.refusalOf(`http://mixed.example:${port}/`)).toContain("10.0.0.1");
  });

  it("connects to a host the operator allows, whatever its address", async () => {
    const response = await client.fetch(`http://hooks.internal:${port}/`);
    expect(await response.text()).toBe("secret internal page");
    expect(await client.refusalOf(`http://hooks.internal:${port}/`)).toBeNull();
  });

  it("checks each hop of a redirect it follows", async () => {
    const before = requests;
    expect(await failureOf(client.fetch(`http://hooks.internal:${port}/elsewhere`))).toContain(
      "127.0.0.1 is a loopback address",
    );
    // The allowed host answered the redirect; the loopback address it pointed to got nothing.
    expect(requests).toBe(before + 1);
  });

  it("leaves a name it cannot resolve yet to the connection", async () => {
    expect(await client.refusalOf("https://not-yet.example/")).toBeNull();
    expect(await failureOf(client.fetch("https://not-yet.example/"))).toContain("ENOTFOUND");
  });
});
