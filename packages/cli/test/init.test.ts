import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTempDirectory,
  type ParleyRun,
  runParley,
  runParleyHere,
  stackTraceLine,
} from "./run-parley.ts";

let directory: ReturnType<typeof createTempDirectory>;
beforeAll(() => {
  directory = createTempDirectory();
});
afterAll(() => directory.remove());

const parley = (...args: string[]): ParleyRun => runParley(args, directory.path);

function expectUsageError(run: ParleyRun, ...fragments: string[]): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  for (const fragment of fragments) expect(run.stderr).toContain(fragment);
  expect(run.stderr).not.toMatch(stackTraceLine);
}

// Each test starts Node processes (about half a second each), so allow more than the default 5 s.
describe("parley init", { timeout: 60_000 }, () => {
  it.each(["blank", "tutorial", "respond-with-ai"])("creates a %s assistant that validates", (template) => {
    const file = `${template}.json`;
    const init = parley("init", "--template", template, "-o", file);
    expect(init.stderr).toBe("");
    expect(init.status).toBe(0);
    expect(init.stdout).toContain(`Created ${file}`);

    const text = readFileSync(join(directory.path, file), "utf8");
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toBe('  "schemaVersion": 1,');
    const assistant = JSON.parse(text);
    expect(assistant.id).toMatch(/^asst_[0-9a-f]{32}$/);
    expect(assistant.publicId).toMatch(/^pub_[0-9a-f]{32}$/);

    const validate = parley("validate", file);
    expect(validate.stderr).toBe("");
    expect(validate.stdout).toBe(`${file} is a valid assistant\n`);
    expect(validate.status).toBe(0);
  });

  it("writes to stdout with the chosen channel, language and name, and new ids each time", () => {
    const run = parley(
      "init",
      "-t",
      "tutorial",
      "--channel",
      "whatsapp",
      "--language",
      "es",
      "--name",
      "Soporte",
    );
    expect(run.status).toBe(0);
    const assistant = JSON.parse(run.stdout);
    expect(assistant).toMatchObject({
      internalName: "Soporte",
      channel: "whatsapp",
      type: "lite",
      defaultLanguage: "es",
    });
    const again = JSON.parse(parley("init", "-t", "tutorial").stdout);
    expect(again.id).not.toBe(assistant.id);
  });

  it("creates the folders of the output file", () => {
    expect(parley("init", "-t", "blank", "--channel", "voice", "-o", "nested/dir/voice.json").status).toBe(0);
    expect(JSON.parse(readFileSync(join(directory.path, "nested/dir/voice.json"), "utf8")).type).toBe("lite");
  });

  it("refuses to overwrite a file unless --force", () => {
    const file = join(directory.path, "existing.json");
    writeFileSync(file, "keep me\n");
    expectUsageError(
      parley("init", "-t", "blank", "-o", "existing.json"),
      "existing.json already exists",
      "--force",
    );
    expect(readFileSync(file, "utf8")).toBe("keep me\n");

    expect(parley("init", "-t", "blank", "-o", "existing.json", "--force").status).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).schemaVersion).toBe(1);
  });

  it("names the option and the allowed values when a value is wrong", async () => {
    expectUsageError(
      await runParleyHere("init", "-t", "nope"),
      "--template",
      "blank, tutorial, respond-with-ai",
    );
    expectUsageError(
      await runParleyHere("init", "-t", "blank", "--channel", "telegram"),
      "--channel",
      "chat, whatsapp, sms",
    );
    expectUsageError(
      await runParleyHere("init", "-t", "blank", "--language", "fr"),
      "--language",
      "en, es, pt",
    );
    expectUsageError(await runParleyHere("init", "-t", "blank", "--type", "pro"), "--type", "lite, premium");
    expectUsageError(
      await runParleyHere("init", "-t", "respond-with-ai", "--channel", "sms"),
      "--channel",
      '"chat", "whatsapp"',
    );
    expectUsageError(
      await runParleyHere("init", "-t", "respond-with-ai", "--type", "lite"),
      "--type",
      '"premium"',
    );
    expectUsageError(
      await runParleyHere("init", "-t", "tutorial", "--channel", "voice", "--type", "premium"),
      "--type",
      '"lite"',
    );
    expectUsageError(await runParleyHere("init", "-t", "blank", "--name", " "), "--name");
  });

  // The option checks above run in this process: eight Node starts in one test took over 30 s on a
  // busy machine. This one shows the real command exits the same way.
  it("needs a template", () => {
    expectUsageError(parley("init"), "--template");
  });

  it("prints help", () => {
    const run = parley("init", "--help");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Usage: parley init");
    expect(run.stdout).toContain("--template");
  });
});

describe("parley", { timeout: 60_000 }, () => {
  it("prints help and the version", () => {
    const help = parley("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("init");
    expect(help.stdout).toContain("validate");
    expect(parley("--version").stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("rejects an unknown command as a usage error", () => {
    expectUsageError(parley("frobnicate"), "unknown command");
  });
});
