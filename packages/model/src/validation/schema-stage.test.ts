import { describe, expect, it } from "vitest";
import { validateAssistant } from "./index.ts";
import {
  assistant,
  branch,
  complete,
  conditionalBranch,
  problemsCoded,
  redirect,
  sendMessage,
  transfer,
  welcome,
} from "./test-assistants.ts";

describe("schema version", () => {
  it("refuses a file from a newer Parley with one problem instead of a pile of issues", () => {
    const result = validateAssistant({ schemaVersion: 2, somethingNew: true });
    expect(result.assistant).toBeNull();
    expect(result.problems).toEqual([
      expect.objectContaining({
        path: "/schemaVersion",
        code: "schema_version_unsupported",
        severity: "error",
      }),
    ]);
    expect(result.problems[0]?.message).toContain("newer Parley");
  });

  it("explains a missing version", () => {
    const [problem] = problemsCoded(assistant({ schemaVersion: undefined }), "schema_version_missing");
    expect(problem).toMatchObject({ path: "/schemaVersion", severity: "error" });
    expect(problem?.message).toContain('"schemaVersion": 1');
  });

  it("explains an older or malformed version", () => {
    expect(problemsCoded(assistant({ schemaVersion: 0 }), "schema_version_invalid")).toHaveLength(1);
    expect(problemsCoded(assistant({ schemaVersion: "1" }), "schema_version_invalid")).toHaveLength(1);
  });
});

describe("interaction kinds", () => {
  it("reports an unknown kind at its /kind pointer", () => {
    const definition = assistant({ dialogs: [welcome([{ id: "odd", kind: "send_fax" }]), complete()] });
    const result = validateAssistant(definition);
    expect(result.assistant).toBeNull();
    expect(result.problems).toEqual([
      expect.objectContaining({ path: "/dialogs/0/interactions/0/kind", code: "unknown_interaction_kind" }),
    ]);
  });

  it("reports a missing kind", () => {
    const definition = assistant({ dialogs: [welcome([{ id: "no-kind", text: "Hi" }]), complete()] });
    expect(problemsCoded(definition, "missing_interaction_kind")).toEqual([
      expect.objectContaining({ path: "/dialogs/0/interactions/0/kind" }),
    ]);
  });

  it("says an end interaction in the interactions list belongs in end", () => {
    const definition = assistant({ dialogs: [welcome([transfer("early")], null), complete()] });
    const result = validateAssistant(definition);
    expect(result.problems).toEqual([
      expect.objectContaining({ path: "/dialogs/0/interactions/0/kind", code: "end_interaction_misplaced" }),
    ]);
    expect(result.problems[0]?.message).toContain('a dialog has at most one end interaction, in "end"');
  });

  it("reports a second end interaction as multiple end interactions", () => {
    const definition = assistant({
      dialogs: [welcome([sendMessage("hello"), redirect("again", "complete")], transfer("last")), complete()],
    });
    expect(validateAssistant(definition).problems).toEqual([
      expect.objectContaining({ path: "/dialogs/0/interactions/1/kind", code: "multiple_end_interactions" }),
    ]);
  });

  it("reports two end interactions in the list: the first misplaced, the second one too many", () => {
    const definition = assistant({
      dialogs: [welcome([transfer("one"), transfer("two")], null), complete()],
    });
    expect(validateAssistant(definition).problems.map((problem) => problem.code)).toEqual([
      "end_interaction_misplaced",
      "multiple_end_interactions",
    ]);
  });

  it("reports an end interaction inside a branch path", () => {
    const definition = assistant({
      dialogs: [
        welcome([conditionalBranch("check", [branch("vip", { interactions: [transfer("to-agent")] })])]),
        complete(),
      ],
    });
    expect(validateAssistant(definition).problems).toEqual([
      expect.objectContaining({
        path: "/dialogs/0/interactions/0/branches/0/interactions/0/kind",
        code: "end_interaction_misplaced",
      }),
    ]);
  });

  it("reports a regular interaction used as the end", () => {
    const definition = assistant({ dialogs: [welcome([], sendMessage("not-an-end")), complete()] });
    expect(validateAssistant(definition).problems).toEqual([
      expect.objectContaining({ path: "/dialogs/0/end/kind", code: "not_an_end_interaction" }),
    ]);
  });
});

describe("schema issues", () => {
  it("maps each issue to a pointer, a stable code and a message that names the field", () => {
    const definition = assistant({
      internalName: "",
      dialogs: [welcome([{ id: "hello", kind: "send_message", text: "" }]), complete()],
      settings: { volumeControl: { reminder: { afterMinutes: "5" } } },
    });
    const result = validateAssistant(definition);
    expect(result.assistant).toBeNull();
    expect(result.problems).toEqual([
      {
        path: "/dialogs/0/interactions/0/text",
        code: "schema_too_small",
        severity: "error",
        message: 'In dialog "Welcome": "text" must not be empty.',
      },
      {
        path: "/internalName",
        code: "schema_too_small",
        severity: "error",
        message: '"internalName" is required.',
      },
      {
        path: "/settings/volumeControl/reminder/afterMinutes",
        code: "schema_invalid_type",
        severity: "error",
        message: '"afterMinutes" must be a number, not text.',
      },
    ]);
  });

  it("calls a missing field required", () => {
    const { channel: _channel, ...withoutChannel } = assistant();
    expect(validateAssistant(withoutChannel).problems).toEqual([
      { path: "/channel", code: "schema_required", severity: "error", message: '"channel" is required.' },
    ]);
  });

  it("escapes pointer segments as RFC 6901 says", () => {
    const definition = assistant({
      dialogs: [
        welcome([{ id: "call", kind: "run_workflow", workflowId: "w", inputs: { "a/b~c": 5 } }]),
        complete(),
      ],
    });
    expect(validateAssistant(definition).problems[0]?.path).toBe("/dialogs/0/interactions/0/inputs/a~1b~0c");
  });

  it("reports a definition that is not an object at the root", () => {
    expect(validateAssistant(42).problems).toEqual([
      expect.objectContaining({
        path: "",
        code: "schema_invalid_type",
        message: "The assistant must be an object, not a number.",
      }),
    ]);
  });

  it("warns about fields Parley does not know, which would be ignored", () => {
    const definition = assistant({
      $schema: "./assistant.schema.json",
      dialogs: [welcome([{ ...sendMessage("hello"), txet: "typo" }]), complete()],
    });
    const result = validateAssistant(definition);
    expect(result.assistant).not.toBeNull();
    expect(result.problems).toEqual([
      expect.objectContaining({
        path: "/dialogs/0/interactions/0/txet",
        code: "unknown_field",
        severity: "warning",
      }),
    ]);
  });
});
