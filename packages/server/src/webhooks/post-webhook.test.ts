import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook, responseExcerptLength } from "./post-webhook.ts";

/** A receiver that misbehaves in the ways receivers do, one path per way. */
describe("one POST of a delivery", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      if (request.url === "/slow") return; // never answers
      if (request.url === "/moved") {
        response.writeHead(301, { location: "https://elsewhere.example.com/" });
        response.end();
        return;
      }
      if (request.url === "/chatty") {
        response.writeHead(422, { "content-type": "text/plain" });
        response.end(`bad\u0000${"x".repeat(100_000)}`);
        return;
      }
      response.writeHead(204);
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  const post = (path: string, timeoutMilliseconds = 2_000) =>
    postWebhook({ url: `${base}${path}`, body: "{}", headers: {}, timeoutMilliseconds, fetch });

  it("counts any 2xx as success", async () => {
    expect(await post("/ok")).toMatchObject({
      succeeded: true,
      responseStatus: 204,
      responseBody: "",
      error: null,
    });
  });

  it("gives up after the timeout", async () => {
    const outcome = await post("/slow", 200);
    expect(outcome).toMatchObject({
      succeeded: false,
      responseStatus: null,
      error: "no answer within 200 ms",
    });
    expect(outcome.durationMilliseconds).toBeGreaterThanOrEqual(190);
    expect(outcome.durationMilliseconds).toBeLessThan(2_000);
  });

  it("does not follow redirects", async () => {
    const outcome = await post("/moved");
    expect(outcome).toMatchObject({ succeeded: false, responseStatus: 301 });
    expect(outcome.error).toContain("redirects are not followed");
  });

  it("keeps the start of a long answer, without the NUL characters PostgreSQL cannot store", async () => {
    const outcome = await post("/chatty");
    expect(outcome).toMatchObject({ succeeded: false, responseStatus: 422, error: "answered 422" });
    expect(outcome.responseBody).toHaveLength(responseExcerptLength);
    expect(outcome.responseBody?.startsWith("badxxx")).toBe(true);
  });

  it("says why no connection was made", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await postWebhook({
      url: `http://127.0.0.1:${port}/`,
      body: "{}",
      headers: {},
      timeoutMilliseconds: 2_000,
      fetch,
    });
    expect(outcome).toMatchObject({ succeeded: false, responseStatus: null });
    expect(outcome.error).toContain("ECONNREFUSED");
  });
});
