import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositoryRoot, runParleyWithInput } from "./piped-parley.ts";
import { createTempDirectory, stackTraceLine } from "./run-parley.ts";

let directory: ReturnType<typeof createTempDirectory>;
beforeAll(() => {
  directory = createTempDirectory();
  cpSync(join(repositoryRoot, "examples", "tutorial.json"), join(directory.path, "tutorial.json"));
});
afterAll(() => directory.remove());

function parleyTest(file: string, text: string) {
  writeFileSync(join(directory.path, file), text);
  return runParleyWithInput(["test", file], "", directory.path);
}

describe("parley test", { timeout: 60_000 }, () => {
  it("passes every example", () => {
    const run = runParleyWithInput(["test", "examples"], "");
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("PASS examples/tutorial.test.yaml › asks for the name and the team");
    expect(run.stdout).toContain("PASS examples/sms-menu.test.yaml › answers the menu by number");
    expect(run.stdout).not.toContain("FAIL");
    expect(run.stdout).toMatch(/\n\d+ passed, 0 failed\n$/);
    expect(run.status).toBe(0);
  });

  it("fails with a diff of what the assistant said, and exit code 1", () => {
    const run = parleyTest(
      "failing.test.yaml",
      `assistant: tutorial.json
context: { now: "2026-03-02T10:00:00Z" }
tests:
  - name: greets Bob
    steps:
      - customer: Alice
      - choose: Sales
      - expect:
          messages: ["Which team", "Thanks, Bob!"]
          status: transferred
          attributes: { customer.name: Bob }
  - name: transfers
    steps:
      - customer: Alice
      - choose: 1
      - expect: { status: transferred }
`,
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("FAIL failing.test.yaml › greets Bob\n    at step 3 (expect), line 8:\n");
    expect(run.stdout).toContain('  - "Thanks, Bob!"');
    expect(run.stdout).toContain(
      '  + "Thanks, Alice! I\'m connecting you with the team you chose. An agent will be with you shortly."',
    );
    expect(run.stdout).toContain('attribute customer.name: expected "Bob" but was "Alice"');
    expect(run.stdout).not.toContain("status: expected");
    expect(run.stdout).toContain("PASS failing.test.yaml › transfers");
    expect(run.stdout).toMatch(/\n1 passed, 1 failed\n$/);
  });

  it("explains an option that is not offered", () => {
    const run = parleyTest(
      "choose.test.yaml",
      "assistant: tutorial.json\ntests:\n  - name: x\n    steps:\n      - customer: Alice\n      - choose: Marketing\n",
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('no offered option matches "Marketing"; offered: "CX", "Sales", "Shipping"');
  });

  it("refuses an invalid test file with JSON pointers and YAML lines, exit code 2", () => {
    const run = parleyTest(
      "invalid.test.yaml",
      "assistant: tutorial.json\ntests:\n  - name: x\n    steps:\n      - custmer: Alice\n      - wait: soon\n",
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("invalid.test.yaml is not a valid test file:");
    expect(run.stderr).toContain("/tests/0/steps/0 a step needs exactly one of: customer, choose");
    expect(run.stderr).toContain("(found custmer) (line 5)");
    expect(run.stderr).toContain("/tests/0/steps/1/wait must be a duration");
    expect(run.stderr).not.toMatch(stackTraceLine);
  });

  it("refuses YAML that does not parse and a missing assistant, exit code 2", () => {
    const broken = parleyTest("broken.test.yaml", "assistant: tutorial.json\ntests: [\n");
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/broken\.test\.yaml is not valid YAML: .* at line \d+, column \d+/);
    const missing = parleyTest(
      "missing.test.yaml",
      "assistant: nowhere.json\ntests:\n  - name: x\n    steps: [customer: hi]\n",
    );
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("cannot read");
    expect(missing.stderr).toContain("nowhere.json: no such file or directory");
  });
});
