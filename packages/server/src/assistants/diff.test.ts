import { type Assistant, createAssistantFromTemplate, type Interaction } from "@parley/model";
import { describe, expect, it } from "vitest";
import { compareAssistants } from "./diff.ts";

function tutorial(): Assistant {
  return createAssistantFromTemplate("tutorial", { id: "a", publicId: "p" });
}

function send(id: string, text = "Hello"): Interaction {
  return { id, kind: "send_message", text } as Interaction;
}

function branch(id: string, paths: Record<string, Interaction[]>, otherwise?: Interaction[]): Interaction {
  return {
    id,
    kind: "conditional_branch",
    branches: Object.entries(paths).map(([branchId, interactions]) => ({
      id: branchId,
      match: "all",
      conditions: [{ attribute: "customer.name", operator: "is_set" }],
      interactions,
    })),
    ...(otherwise ? { otherwise: { interactions: otherwise } } : {}),
  } as Interaction;
}

function withDialog(
  assistant: Assistant,
  index: number,
  change: (dialog: Assistant["dialogs"][number]) => void,
) {
  const copy = structuredClone(assistant);
  change(copy.dialogs[index] as Assistant["dialogs"][number]);
  return copy;
}

describe("compareAssistants", () => {
  it("finds nothing between equal definitions", () => {
    const diff = compareAssistants(tutorial(), tutorial());
    expect(diff.identical).toBe(true);
    expect(diff.settings).toEqual([]);
    expect(diff.dialogs).toEqual({ added: [], removed: [], renamed: [], changed: [] });
  });

  it("reports settings and names as JSON pointers", () => {
    const after = tutorial();
    after.internalName = "Renamed";
    after.settings.volumeControl.reminder.afterMinutes = 7;
    const diff = compareAssistants(tutorial(), after);
    expect(diff.identical).toBe(false);
    expect(diff.settings).toEqual([
      { path: "/internalName", from: tutorial().internalName, to: "Renamed" },
      { path: "/settings/volumeControl/reminder/afterMinutes", from: 5, to: 7 },
    ]);
  });

  it("reports dialogs added, removed and renamed, matched by id", () => {
    const before = tutorial();
    const after = structuredClone(before);
    const removed = after.dialogs.splice(1, 1)[0];
    after.dialogs.push({ id: "extra", name: "Extra", interactions: [], end: null });
    (after.dialogs[0] as Assistant["dialogs"][number]).name = "Hello";
    const diff = compareAssistants(before, after);
    expect(diff.dialogs.removed).toEqual([{ id: removed?.id, name: removed?.name, path: "/dialogs/1" }]);
    expect(diff.dialogs.added).toEqual([
      { id: "extra", name: "Extra", path: `/dialogs/${after.dialogs.length - 1}` },
    ]);
    expect(diff.dialogs.renamed).toEqual([{ id: "welcome", from: "Welcome", to: "Hello" }]);
    expect(diff.dialogs.changed).toEqual([]);
  });

  it("reports interactions added, removed and changed inside a dialog", () => {
    const before = withDialog(tutorial(), 0, (dialog) => {
      dialog.interactions = [send("one"), send("two"), send("three")];
    });
    const after = withDialog(before, 0, (dialog) => {
      dialog.interactions = [send("one", "Hi there"), send("three"), send("four")];
    });
    const [change] = compareAssistants(before, after).dialogs.changed;
    expect(change?.id).toBe("welcome");
    expect(change?.interactions).toEqual({
      added: [{ id: "four", kind: "send_message", path: "/dialogs/0/interactions/2" }],
      removed: [{ id: "two", kind: "send_message", path: "/dialogs/0/interactions/1" }],
      changed: [
        {
          id: "one",
          kind: "send_message",
          path: "/dialogs/0/interactions/0",
          changes: [{ path: "/text", from: "Hello", to: "Hi there" }],
        },
      ],
      moved: [],
    });
    expect(change?.end).toBeNull();
  });

  it("tells a reordering apart from a shift caused by an insertion", () => {
    const before = withDialog(tutorial(), 0, (dialog) => {
      dialog.interactions = [send("a"), send("b"), send("c"), send("d")];
    });
    const after = withDialog(before, 0, (dialog) => {
      dialog.interactions = [send("new"), send("b"), send("c"), send("a"), send("d")];
    });
    const [change] = compareAssistants(before, after).dialogs.changed;
    expect(change?.interactions.moved).toEqual([
      { id: "a", kind: "send_message", from: "/dialogs/0/interactions/0", to: "/dialogs/0/interactions/3" },
    ]);
    expect(change?.interactions.added.map((entry) => entry.id)).toEqual(["new"]);
    expect(change?.interactions.changed).toEqual([]);
  });

  it("follows interactions into branch paths and across them", () => {
    const before = withDialog(tutorial(), 0, (dialog) => {
      dialog.interactions = [branch("if", { yes: [send("inside"), send("stays")], no: [] }, [send("other")])];
    });
    const after = withDialog(before, 0, (dialog) => {
      dialog.interactions = [
        branch("if", { yes: [send("stays", "Changed")], no: [send("inside")] }, [
          send("other"),
          send("added"),
        ]),
      ];
    });
    const [change] = compareAssistants(before, after).dialogs.changed;
    expect(change?.interactions).toEqual({
      added: [
        {
          id: "added",
          kind: "send_message",
          path: "/dialogs/0/interactions/0/otherwise/interactions/1",
        },
      ],
      removed: [],
      changed: [
        {
          id: "stays",
          kind: "send_message",
          path: "/dialogs/0/interactions/0/branches/0/interactions/0",
          changes: [{ path: "/text", from: "Hello", to: "Changed" }],
        },
      ],
      moved: [
        {
          id: "inside",
          kind: "send_message",
          from: "/dialogs/0/interactions/0/branches/0/interactions/0",
          to: "/dialogs/0/interactions/0/branches/1/interactions/0",
        },
      ],
    });
  });

  it("does not report a branch as changed when only its nested interactions changed", () => {
    const before = withDialog(tutorial(), 0, (dialog) => {
      dialog.interactions = [branch("if", { yes: [send("x")] })];
    });
    const after = withDialog(before, 0, (dialog) => {
      dialog.interactions = [branch("if", { yes: [send("x", "Other")] })];
    });
    const [change] = compareAssistants(before, after).dialogs.changed;
    expect(change?.interactions.changed.map((entry) => entry.id)).toEqual(["x"]);
  });

  it("reports the end interaction changing kind or fields", () => {
    const before = tutorial();
    const after = withDialog(before, 0, (dialog) => {
      dialog.end = { id: "welcome-transfer", kind: "transfer" } as Assistant["dialogs"][number]["end"];
    });
    const [change] = compareAssistants(before, after).dialogs.changed;
    expect(change?.end?.from).toEqual({ id: before.dialogs[0]?.end?.id, kind: "redirect" });
    expect(change?.end?.to).toEqual({ id: "welcome-transfer", kind: "transfer" });
    expect(change?.end?.changes.length).toBeGreaterThan(0);
    expect(change?.interactions.added).toEqual([]);
  });

  it("reports interactions in business schedule paths", () => {
    const schedule = (during: Interaction[]): Interaction =>
      ({
        id: "hours",
        kind: "business_schedule",
        scheduleId: "main",
        duringHours: { interactions: during },
        outsideHours: { interactions: [], redirectTo: "complete-assistant" },
      }) as Interaction;
    const before = withDialog(tutorial(), 0, (dialog) => {
      dialog.interactions = [schedule([])];
    });
    const after = withDialog(before, 0, (dialog) => {
      dialog.interactions = [schedule([send("open")])];
    });
    const [change] = compareAssistants(before, after).dialogs.changed;
    expect(change?.interactions.added).toEqual([
      { id: "open", kind: "send_message", path: "/dialogs/0/interactions/0/duringHours/interactions/0" },
    ]);
    expect(change?.interactions.changed).toEqual([]);
  });
});
