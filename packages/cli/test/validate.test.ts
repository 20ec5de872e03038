import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDirectory, type ParleyRun, runParley, stackTraceLine } from "./run-parley.ts";

let directory: ReturnType<typeof createTempDirectory>;
beforeAll(() => {
  directory = createTempDirectory();
  const init = runParley(["init", "-t", "tutorial", "-o", "tutorial.json"], directory.path);
  if (init.status !== 0) throw new Error(`parley init failed: ${init.stderr}`);
});
afterAll(() => directory.remove());

const parley = (...args: string[]): ParleyRun => runParley(args, directory.path);

/** The parts of an assistant file these tests change. */
interface EditableAssistant {
  internalName?: string;
  dialogs: Array<{ name: string; end: { dialogId?: string } }>;
}

/** Writes a copy of the tutorial assistant after `change`, returning the file name. */
function variant(name: string, change: (assistant: EditableAssistant) => void): string {
  const assistant = JSON.parse(readFileSync(join(directory.path, "tutorial.json"), "utf8"));
  change(assistant);
  writeFileSync(join(directory.path, name), JSON.stringify(assistant, null, 2));
  return name;
}

// Each test starts Node processes (about half a second each), so allow more than the default 5 s.
describe("parley validate", { timeout: 60_000 }, () => {
  it("lists each error as `path code message`, then a summary, and exits 1", () => {
    const file = variant("broken.json", (assistant) => {
      (assistant.dialogs[0] as EditableAssistant["dialogs"][number]).end.dialogId = "nowhere";
    });
    const run = parley("validate", file);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^\/dialogs\/0\/end\/dialogId redirect_to_missing_dialog .*"nowhere".*$/m);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toMatch(
      /^broken\.json is not a valid assistant: 1 error/,
    );
  });

  it("uses / for the whole document", () => {
    const file = variant("no-name.json", (assistant) => {
      delete assistant.internalName;
    });
    const run = parley("validate", file);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\/internalName \S+ .+$/m);
    writeFileSync(join(directory.path, "array.json"), "[]\n");
    expect(parley("validate", "array.json").stdout).toMatch(/^\/ \S+ .+$/m);
  });

  it("prints warnings with a prefix and still exits 0", () => {
    const file = variant("renamed.json", (assistant) => {
      (assistant.dialogs[3] as EditableAssistant["dialogs"][number]).name = "Done";
    });
    const run = parley("validate", file);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^warning: \/dialogs missing_complete_assistant_dialog .+$/m);
    expect(run.stdout).toContain("renamed.json is a valid assistant (1 warning)");
  });

  it("prints one JSON object with --json", () => {
    const file = variant("broken-json-output.json", (assistant) => {
      (assistant.dialogs[0] as EditableAssistant["dialogs"][number]).end.dialogId = "nowhere";
    });
    const run = parley("validate", file, "--json");
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.valid).toBe(false);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        path: "/dialogs/0/end/dialogId",
        severity: "error",
        code: "redirect_to_missing_dialog",
      }),
    );
    const valid = parley("validate", "tutorial.json", "--json");
    expect(valid.status).toBe(0);
    expect(JSON.parse(valid.stdout)).toEqual({ valid: true, problems: [] });
  });

  it("reports malformed JSON as a problem, without a stack trace", () => {
    writeFileSync(join(directory.path, "malformed.json"), '{ "schemaVersion": 1, "dialogs": [\n');
    const run = parley("validate", "malformed.json");
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\/ invalid_json .+$/m);
    expect(run.stderr).toBe("");
    expect(run.stdout).not.toMatch(stackTraceLine);
  });

  it("exits 2 when the file cannot be read", () => {
    const missing = parley("validate", "missing.json");
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toBe("error: cannot read missing.json: no such file or directory\n");

    const folder = parley("validate", ".");
    expect(folder.status).toBe(2);
    expect(folder.stderr).not.toMatch(stackTraceLine);
  });

  it("exits 2 without a file, and prints help", () => {
    expect(parley("validate").status).toBe(2);
    const help = parley("validate", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: parley validate");
  });
});
