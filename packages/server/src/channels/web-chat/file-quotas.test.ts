import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer, testDatabases } from "../../../test/test-server.ts";
import { demoOrganization } from "../../conversations/test-setup.ts";
import { conversationFiles } from "../../database/schema/index.ts";

// The smallest valid PNG: one transparent pixel.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);
const kibibyteAndAHalf = Buffer.alloc(1536, "a");

// Small byte limits, so a few uploads reach them; 50 files of the PNG fit in one conversation.
const limits = {
  filesPerConversation: 50,
  bytesPerConversation: 4000,
  bytesPerOrganization: 10_000,
  unattachedHours: 24,
};

interface Conversation {
  id: string;
  visitorToken: string;
}

describe.each(testDatabases)("web chat upload quotas on %s", (kind) => {
  let server: TestServer;
  let baseUrl: string;

  beforeAll(async () => {
    server = await createTestServer(kind, { fileLimits: limits });
    baseUrl = await server.listen();
  }, 60_000);
  afterAll(() => server.close());

  async function startConversation(brandId: string): Promise<Conversation> {
    const response = await server.app.inject({
      method: "POST",
      url: "/v1/web-chat/conversations",
      payload: { brandId, session: {} },
    });
    expect(response.statusCode).toBe(201);
    const started = response.json() as { conversation: { id: string }; visitorToken: string };
    return { id: started.conversation.id, visitorToken: started.visitorToken };
  }

  /** Over a real socket: requests overlap as they would from browsers. */
  async function upload(conversation: Conversation, content: Buffer, mediaType: string) {
    const response = await fetch(`${baseUrl}/v1/web-chat/conversations/${conversation.id}/files`, {
      method: "POST",
      headers: { "content-type": mediaType, "x-parley-visitor-token": conversation.visitorToken },
      body: content,
    });
    return { statusCode: response.status, json: (await response.json()) as unknown };
  }

  async function storedFiles(conversation: Conversation): Promise<number> {
    const rows = await server.connection.database
      .select({ id: conversationFiles.id })
      .from(conversationFiles)
      .where(eq(conversationFiles.conversationId, conversation.id));
    return rows.length;
  }

  it("stores exactly the file limit of a conversation when 80 uploads arrive at once", async () => {
    const { brandId } = await demoOrganization(server);
    const conversation = await startConversation(brandId);
    const responses = await Promise.all(
      Array.from({ length: 80 }, () => upload(conversation, png, "image/png")),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 201)).toHaveLength(50);
    expect(statuses.filter((status) => status === 422)).toHaveLength(30);
    expect(responses.find((response) => response.statusCode === 422)?.json).toMatchObject({
      error: { code: "limit_reached", problems: [{ code: "limit_reached", limit: 50 }] },
    });
    expect(await storedFiles(conversation)).toBe(50);
  });

  it("refuses a file that would take a conversation over its bytes, naming the limit", async () => {
    const { brandId } = await demoOrganization(server);
    const conversation = await startConversation(brandId);
    expect((await upload(conversation, kibibyteAndAHalf, "text/plain")).statusCode).toBe(201);
    expect((await upload(conversation, kibibyteAndAHalf, "text/plain")).statusCode).toBe(201);
    const over = await upload(conversation, kibibyteAndAHalf, "text/plain");
    expect(over.statusCode).toBe(422);
    expect(over.json).toMatchObject({
      error: { code: "limit_reached", problems: [{ path: "", code: "storage_limit_reached", limit: 4000 }] },
    });
    // What still fits is taken.
    expect((await upload(conversation, png, "image/png")).statusCode).toBe(201);
    expect(await storedFiles(conversation)).toBe(3);
  });

  it("holds an organization to its bytes over all its conversations, also when they upload at once", async () => {
    const { brandId } = await demoOrganization(server);
    const conversations = await Promise.all(Array.from({ length: 4 }, () => startConversation(brandId)));
    // Two files each fit every conversation (3,072 of 4,000 bytes), but only six fit the organization.
    const responses = await Promise.all(
      conversations.flatMap((conversation) => [
        upload(conversation, kibibyteAndAHalf, "text/plain"),
        upload(conversation, kibibyteAndAHalf, "text/plain"),
      ]),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 201)).toHaveLength(6);
    const refused = responses.filter((response) => response.statusCode === 422);
    expect(refused).toHaveLength(2);
    for (const response of refused) {
      expect(response.json).toMatchObject({
        error: { code: "limit_reached", problems: [{ code: "storage_limit_reached", limit: 10_000 }] },
      });
    }
    const stored = await Promise.all(conversations.map(storedFiles));
    expect(stored.reduce((sum, files) => sum + files, 0)).toBe(6);

    // Another organization has storage of its own.
    const other = await demoOrganization(server);
    expect((await upload(await startConversation(other.brandId), png, "image/png")).statusCode).toBe(201);
  });
});
