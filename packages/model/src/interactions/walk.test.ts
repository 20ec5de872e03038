import { describe, expect, it } from "vitest";
import { Dialog } from "../dialog.ts";
import type { Interaction } from "../interaction.ts";
import { mapNestedPaths, nestedPathsOf, walkInteractions } from "./walk.ts";

const say = (id: string) => ({ id, kind: "send_message", text: id });

const dialog = Dialog.parse({
  id: "welcome",
  name: "Welcome",
  interactions: [
    say("hello"),
    {
      id: "vip-check",
      kind: "conditional_branch",
      branches: [
        {
          id: "vip",
          conditions: [{ scope: "customer", attribute: "email", operator: "contains", value: "@vip" }],
          interactions: [
            {
              id: "hours",
              kind: "business_schedule",
              scheduleId: "office",
              duringHours: { interactions: [say("open")] },
              outsideHours: { interactions: [], redirectTo: "closed" },
            },
          ],
        },
      ],
      otherwise: { interactions: [say("regular")] },
    },
    say("bye"),
  ],
  end: { id: "done", kind: "transfer" },
});

describe("walking interactions", () => {
  it("visits every interaction in document order, with its pointer, depth and position", () => {
    const visits: string[] = [];
    walkInteractions(
      { dialogs: [dialog] },
      {
        interaction: (site) =>
          visits.push(`${site.interaction.id} ${site.pointer} ${site.depth} ${site.position}`),
      },
    );
    expect(visits).toEqual([
      "hello /dialogs/0/interactions/0 0 dialog",
      "vip-check /dialogs/0/interactions/1 0 dialog",
      "hours /dialogs/0/interactions/1/branches/0/interactions/0 1 conditional_branch",
      "open /dialogs/0/interactions/1/branches/0/interactions/0/duringHours/interactions/0 2 business_schedule",
      "regular /dialogs/0/interactions/1/otherwise/interactions/0 1 conditional_branch",
      "bye /dialogs/0/interactions/2 0 dialog",
      "done /dialogs/0/end 0 end",
    ]);
  });

  it("names each list the way the engine's cursor does, empty paths included", () => {
    const lists: string[] = [];
    walkInteractions(
      { dialogs: [dialog] },
      {
        list: (list) =>
          lists.push(`${list.key} ${list.interactions.length} ${list.nested?.path.redirectTo ?? "-"}`),
      },
    );
    expect(lists).toEqual([
      "welcome 3 -",
      "vip-check/branch:vip 1 -",
      "hours/during 1 -",
      "hours/outside 0 closed",
      "vip-check/otherwise 1 -",
    ]);
  });

  it("reads the nested paths of JSON that has not passed the schema, skipping odd shapes", () => {
    const raw = { kind: "conditional_branch", branches: [{ interactions: [] }, "not a path"], otherwise: 3 };
    expect(nestedPathsOf(raw, "/x").map((site) => site.pointer)).toEqual([
      "/x/branches/0",
      "/x/branches/1",
      "/x/otherwise",
    ]);
    expect(nestedPathsOf({ kind: "nonsense", branches: [{}] })).toEqual([]);
    expect(nestedPathsOf({ kind: "conditional_branch", branches: { vip: {} } })).toEqual([]);
  });

  it("rewrites nested paths into a copy, leaving the original as it was", () => {
    const branch = dialog.interactions[1] as Interaction;
    const before = structuredClone(branch);
    const emptied = mapNestedPaths(branch, "", (site) => ({ ...(site.path as object), interactions: [] }));
    expect(nestedPathsOf(emptied).map((site) => site.path.interactions.length)).toEqual([0, 0]);
    expect(branch).toEqual(before);
  });
});
