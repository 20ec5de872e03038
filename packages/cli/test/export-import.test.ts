import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestOrganization, type TestServer } from "../../server/test/test-server.ts";
import { createTempDirectory, runParleyHere as parley } from "./run-parley.ts";

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const listener = createServer();
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const { port } = listener.address() as { port: number };
  await new Promise((resolve) => listener.close(resolve));
  return port;
}

type Definition = { id: string; publicId: string; dialogs: Array<Record<string, unknown>> };

describe("parley export and import against a running server", () => {
  let server: TestServer;
  let url: string;
  let directory: ReturnType<typeof createTempDirectory>;
  let sandbox: TestOrganization;
  let production: TestOrganization;
  let source: { id: string; publicId: string; draft: Definition };
  let target: { id: string; publicId: string };
  const savedKey = process.env.PARLEY_API_KEY;

  beforeAll(async () => {
    delete process.env.PARLEY_API_KEY;
    directory = createTempDirectory();
    server = await createTestServer("pglite");
    url = await server.app.listen({ port: 0, host: "127.0.0.1" });
    sandbox = await server.organization("Sandbox");
    production = await server.organization("Production");
    const create = async (key: string, body: Record<string, unknown>) => {
      const response = await server.request(key, { method: "POST", url: "/v1/assistants", payload: body });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };
    source = await create(sandbox.adminKey, {
      internalName: "Answers",
      channel: "chat",
      type: "premium",
      template: "respond-with-ai",
    });
    target = await create(production.adminKey, {
      internalName: "Placeholder",
      channel: "chat",
      type: "premium",
    });
  });
  afterAll(async () => {
    await server.close();
    directory.remove();
    if (savedKey !== undefined) process.env.PARLEY_API_KEY = savedKey;
  });

  const file = (name: string) => join(directory.path, name);

  it("exports by public id to a file, and by id to stdout", async () => {
    const run = await parley(
      "export",
      "--public-id",
      source.publicId,
      "-o",
      file("answers.json"),
      "--server",
      url,
      "--key",
      sandbox.adminKey,
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Exported "Answers" (${source.id}, draft revision 1) to`);
    expect(JSON.parse(readFileSync(file("answers.json"), "utf8"))).toEqual(source.draft);

    const toStdout = await parley("export", "--id", source.id, "--server", url, "--key", sandbox.adminKey);
    expect(toStdout.status).toBe(0);
    expect(JSON.parse(toStdout.stdout)).toEqual(source.draft);
  });

  it("imports into another organization, rewriting ids and mapping knowledge bases", async () => {
    const run = await parley(
      "import",
      file("answers.json"),
      "--id",
      target.id,
      "--knowledge-base-map",
      "default=kb-production",
      "--server",
      url,
      "--key",
      production.adminKey,
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`into "Answers" (${target.id}), draft revision 2`);
    const imported = (
      await server.request(production.adminKey, { method: "GET", url: `/v1/assistants/${target.id}` })
    ).json();
    expect(imported.draft.id).toBe(target.id);
    expect(imported.draft.publicId).toBe(target.publicId);
    for (const dialog of imported.draft.dialogs) expect(dialog.assistantId).toBe(target.id);
    expect(JSON.stringify(imported.draft)).toContain('"knowledgeBaseId":"kb-production"');
    expect(JSON.stringify(imported.draft)).not.toContain('"knowledgeBaseId":"default"');
  });

  it("lists the server's reasons, with paths into the file, when the import is refused", async () => {
    const run = await parley(
      "import",
      file("answers.json"),
      "--id",
      target.id,
      "--knowledge-base-map",
      "other=kb-production",
      "--server",
      url,
      "--key",
      production.adminKey,
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: PUT \/v1\/assistants\/\S+ failed with HTTP 400: /);
    expect(run.stderr).toMatch(
      /\n {2}\/dialogs\/\d+\/end\/knowledgeBaseId knowledge_base_not_mapped .*"default"/,
    );
  });

  it("says what went wrong in one line: unknown assistant, bad key, no server", async () => {
    const unknown = await parley(
      "export",
      "--id",
      "00000000-0000-4000-8000-000000000000",
      "--server",
      url,
      "--key",
      sandbox.adminKey,
    );
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(
      "HTTP 404: Assistant 00000000-0000-4000-8000-000000000000 does not exist.",
    );
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);

    const foreign = await parley("export", "--id", source.id, "--server", url, "--key", production.adminKey);
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toContain("HTTP 404");

    const badKey = await parley("export", "--id", source.id, "--server", url, "--key", "prl_wrong");
    expect(badKey.status).toBe(1);
    expect(badKey.stderr).toContain("HTTP 401");

    const nowhere = `http://127.0.0.1:${await closedPort()}`;
    const noServer = await parley("export", "--id", source.id, "--server", nowhere, "--key", "k");
    expect(noServer.status).toBe(1);
    expect(noServer.stderr).toBe(`error: cannot reach the server at ${nowhere}: ECONNREFUSED\n`);

    const missingPublicId = await parley(
      "export",
      "--public-id",
      "nope",
      "--server",
      url,
      "--key",
      sandbox.adminKey,
    );
    expect(missingPublicId.status).toBe(1);
    expect(missingPublicId.stderr).toContain("no assistant with the public id nope");
  });

  it("refuses bad options and files with exit code 2", async () => {
    const noKey = await parley("export", "--id", source.id, "--server", url);
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toContain("no API key");
    const both = await parley("export", "--id", "a", "--public-id", "b", "--key", "k");
    expect(both.status).toBe(2);
    const badMap = await parley(
      "import",
      file("answers.json"),
      "--id",
      target.id,
      "--knowledge-base-map",
      "x",
      "--key",
      "k",
    );
    expect(badMap.status).toBe(2);
    expect(badMap.stderr).toContain("--knowledge-base-map");
    writeFileSync(file("broken.json"), "{ not json");
    const broken = await parley("import", file("broken.json"), "--id", target.id, "--key", "k");
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain("is not valid JSON");
    const badUrl = await parley("export", "--id", "a", "--server", "localhost:3000", "--key", "k");
    expect(badUrl.status).toBe(2);
    const noId = await parley("import", file("answers.json"), "--key", "k");
    expect(noId.status).toBe(2);
  });
});
