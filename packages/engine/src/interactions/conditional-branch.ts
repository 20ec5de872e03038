import { branchPathKey, otherwisePathKey } from "../assistant-index.ts";
import { branchMatches } from "../conditions.ts";
import { type InteractionModule, next } from "../outcome.ts";

export const conditionalBranch: InteractionModule<"conditional_branch"> = {
  kind: "conditional_branch",
  enter(turn, interaction) {
    const branch = interaction.branches.find((candidate) => branchMatches(turn, candidate));
    if (branch) return { type: "enter", listKey: branchPathKey(interaction.id, branch.id) };
    if (interaction.otherwise) return { type: "enter", listKey: otherwisePathKey(interaction.id) };
    return next;
  },
};
