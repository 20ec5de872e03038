import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestOrganization } from "../../../test/test-server.ts";
import { createTestServer, type TestServer, testDatabases } from "../../../test/test-server.ts";
import { WebChatClient } from "../../../test/web-chat-client.ts";
import { demoOrganization } from "../../conversations/test-setup.ts";

// The smallest valid PNG: one transparent pixel.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

describe.each(testDatabases)("web chat files on %s", (kind) => {
  let server: TestServer;
  let baseUrl: string;
  let client: WebChatClient;
  let organization: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer(kind);
    const demo = await demoOrganization(server);
    organization = demo.organization;
    baseUrl = await server.listen();
    client = new WebChatClient(baseUrl);
    await client.start({ brandId: demo.brandId, session: {} });
  }, 60_000);
  afterAll(() => server.close());

  function upload(
    content: Buffer | string,
    mediaType: string,
    name = "photo.png",
    token = client.visitorToken,
  ) {
    return fetch(`${baseUrl}/v1/web-chat/conversations/${client.conversationId}/files`, {
      method: "POST",
      headers: {
        "content-type": mediaType,
        "x-file-name": encodeURIComponent(name),
        "x-parley-visitor-token": token,
      },
      body: content,
    });
  }

  it("stores an uploaded image, sends it as an attachment and serves it safely", async () => {
    const response = await upload(png, "image/png", "../../receipt été.png");
    expect(response.status).toBe(201);
    const file = (await response.json()) as { url: string; name: string; size: number; mediaType: string };
    expect(file).toMatchObject({ name: "receipt été.png", size: png.length, mediaType: "image/png" });

    const sent = await client.request("POST", "/messages", {
      clientMessageId: "with-file",
      attachments: [{ url: `${baseUrl}${file.url}`, mediaType: file.mediaType, name: file.name }],
    });
    expect(sent.status).toBe(202);
    const transcript = (await (await client.request("GET", "/messages")).json()) as {
      messages: Array<{ author: string; body: { kind: string; attachments?: unknown[] } }>;
    };
    expect(transcript.messages.find((message) => message.author === "customer")?.body).toMatchObject({
      kind: "attachment",
      attachments: [{ name: "receipt été.png" }],
    });

    const download = await fetch(`${baseUrl}${file.url}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("image/png");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-disposition")).toContain("inline");
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
  });

  it("refuses files that are not what they claim, types it does not take, and oversized files", async () => {
    const disguised = await upload("<script>alert(1)</script>", "image/png");
    expect(disguised.status).toBe(415);
    expect(await disguised.json()).toMatchObject({ error: { code: "content_mismatch" } });
    expect((await upload("<html></html>", "text/html", "page.html")).status).toBe(415);
    const huge = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    expect((await upload(huge, "text/plain", "big.txt")).status).toBe(413);
    expect((await upload(png, "image/png", "x.png", "wrong-token")).status).toBe(404);
    expect((await fetch(`${baseUrl}/v1/web-chat/files/nothing-here`)).status).toBe(404);
  });

  it("takes bidirectional controls out of names, so a name cannot read as another", async () => {
    const response = await upload("a note", "text/plain", "invoice\u202Egnp.exe\u2066\u200F");
    expect(response.status).toBe(201);
    const file = (await response.json()) as { url: string; name: string };
    expect(file.name).toBe("invoicegnp.exe");
    const download = await fetch(`${baseUrl}${file.url}`);
    expect(download.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''invoicegnp.exe");

    const sent = await client.request("POST", "/messages", {
      clientMessageId: "bidi-name",
      attachments: [{ url: `${baseUrl}${file.url}`, mediaType: "text/plain", name: "report\u202Efdp.exe" }],
    });
    expect(sent.status).toBe(202);
    const transcript = (await (await client.request("GET", "/messages")).json()) as {
      messages: Array<{ body: { attachments?: Array<{ name?: string }> } }>;
    };
    const names = transcript.messages.flatMap((message) => message.body.attachments ?? []).map((a) => a.name);
    expect(names).toContain("reportfdp.exe");
    expect(names.some((name) => /[\u202A-\u202E\u2066-\u2069]/u.test(name ?? ""))).toBe(false);
  });

  it("refuses attachments of a media type the widget would not upload", async () => {
    const response = await client.request("POST", "/messages", {
      clientMessageId: "html-link",
      attachments: [
        { url: "https://files.example.net/invoice.html", mediaType: "text/html", name: "invoice" },
      ],
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { problems: [{ in: "body", path: "/attachments/0/mediaType" }] },
    });
  });

  it("shows agents the host of each attachment and whether it is stored here", async () => {
    const stored = (await (await upload(png, "image/png", "receipt.png")).json()) as {
      url: string;
      id: string;
    };
    const sent = await client.request("POST", "/messages", {
      clientMessageId: "three-links",
      attachments: [
        { url: `${baseUrl}${stored.url}`, mediaType: "image/png", name: "receipt.png" },
        { url: "https://files.example.net/receipt.png", mediaType: "image/png", name: "receipt.png" },
        // Our path on someone else's host is still someone else's.
        { url: `https://files.example.net/v1/web-chat/files/${stored.id}`, mediaType: "image/png" },
      ],
    });
    expect(sent.status).toBe(202);
    const timeline = await fetch(`${baseUrl}/v1/conversations/${client.conversationId}`, {
      headers: { authorization: `Bearer ${organization.adminKey}` },
    });
    expect(timeline.status).toBe(200);
    const { messages } = (await timeline.json()) as {
      messages: Array<{
        body: { attachments?: Array<{ url: string; host: string | null; external: boolean }> };
      }>;
    };
    const links = messages.flatMap((message) => message.body.attachments ?? []).slice(-3);
    expect(links.map(({ host, external }) => ({ host, external }))).toEqual([
      { host: new URL(baseUrl).host, external: false },
      { host: "files.example.net", external: true },
      { host: "files.example.net", external: true },
    ]);
  });
});
