import { sql } from "drizzle-orm";
import { TestClock } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStorage, type ServerNode, startNode } from "../../../test/server-nodes.ts";
import { createTestServer, type TestServer, testDatabases } from "../../../test/test-server.ts";
import { WebChatClient } from "../../../test/web-chat-client.ts";
import { demoOrganization, eventually } from "../../conversations/test-setup.ts";
import { queueNames } from "../../jobs/job-queue.ts";

const hour = 3_600_000;

describe.each(testDatabases)("removal of unattached files on %s", (kind) => {
  let server: TestServer;
  let clock: TestClock;
  let baseUrl: string;
  let client: WebChatClient;

  beforeAll(async () => {
    server = await createTestServer(kind, {
      manualClock: true,
      manualClockStart: Date.parse("2026-12-01T09:00:00Z"),
    });
    clock = server.clock as TestClock;
    const { brandId } = await demoOrganization(server);
    baseUrl = await server.listen();
    client = new WebChatClient(baseUrl);
    await client.start({ brandId, session: {} });
  }, 60_000);
  afterAll(() => server.close());

  async function upload(name: string): Promise<string> {
    const response = await fetch(`${baseUrl}/v1/web-chat/conversations/${client.conversationId}/files`, {
      method: "POST",
      headers: {
        "content-type": "text/plain",
        "x-file-name": name,
        "x-parley-visitor-token": client.visitorToken,
      },
      body: `the content of ${name}`,
    });
    expect(response.status).toBe(201);
    return `${baseUrl}${((await response.json()) as { url: string }).url}`;
  }

  async function advance(milliseconds: number): Promise<void> {
    await clock.setTime(clock.now() + milliseconds);
    await clock.tick(1000);
  }

  /** Once a sweep has run, the next one waits in the queue for its hour. */
  async function sweptAndNextQueued(): Promise<void> {
    await eventually(async () => {
      const jobs = await server.jobs.findJobs(queueNames.fileCleanup);
      const waiting = jobs.filter((job) => job.state === "created");
      return (
        jobs.some((job) => job.state === "completed") &&
        waiting.length === 1 &&
        (waiting[0]?.startAfter.getTime() ?? 0) > clock.now()
      );
    }, 10_000);
  }

  it("deletes a file no message refers to after a day, keeping attached and younger ones", {
    timeout: 60_000,
  }, async () => {
    const forgotten = await upload("forgotten.txt");
    const attached = await upload("attached.txt");
    const sent = await client.request("POST", "/messages", {
      clientMessageId: "with-file",
      attachments: [{ url: attached, mediaType: "text/plain", name: "attached.txt" }],
    });
    expect(sent.status).toBe(202);

    await advance(23 * hour);
    await sweptAndNextQueued();
    expect((await fetch(forgotten)).status).toBe(200);
    const young = await upload("young.txt");

    await advance(2 * hour);
    await eventually(async () => (await fetch(forgotten)).status === 404, 10_000);
    expect((await fetch(attached)).status).toBe(200);
    expect((await fetch(young)).status).toBe(200);

    // The attached file stays for good; the young one goes when its own day is over.
    await sweptAndNextQueued();
    await advance(23 * hour);
    await eventually(async () => (await fetch(young)).status === 404, 10_000);
    expect((await fetch(attached)).status).toBe(200);
  });
});

describe.skipIf(!testDatabases.includes("postgres"))("removal of unattached files on two processes", () => {
  it("sweeps once an hour, not once per process", { timeout: 120_000 }, async () => {
    const { storage, remove } = await createStorage("postgres");
    const clock = new TestClock(Date.parse("2026-12-01T09:00:00Z"));
    const nodes: ServerNode[] = [];
    try {
      nodes.push(await startNode(storage, clock), await startNode(storage, clock));
      const sweeps = async () => {
        const result = await nodes[0]?.connection.database.execute(
          sql`SELECT state, (extract(epoch FROM start_after) * 1000)::float8 AS due
              FROM pgboss.job WHERE name = ${queueNames.fileCleanup}`,
        );
        return (result as unknown as { rows: Array<{ state: string; due: number }> }).rows;
      };
      for (let sweep = 0; sweep < 3; sweep += 1) {
        await clock.setTime(clock.now() + hour);
        await clock.tick(1000);
        // This hour's sweep has run and queued the next one, once: one chain, not one per process.
        await eventually(async () => {
          const jobs = await sweeps();
          const waiting = jobs.filter((job) => job.state === "created");
          const due = waiting[0]?.due ?? 0;
          return waiting.length === 1 && due > clock.now() && due <= clock.now() + hour;
        }, 10_000);
        const jobs = await sweeps();
        const ran = jobs.filter((job) => job.state === "completed" || job.state === "active");
        expect(new Set(ran.map((job) => job.due)).size).toBe(ran.length);
      }
    } finally {
      for (const node of nodes) await node.stop();
      await remove();
    }
  });
});
