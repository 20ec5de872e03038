import { z } from "zod";
import { Condition } from "../condition.ts";
import { Identifier } from "../identifiers.ts";
import type { InteractionPath, InteractionPathSchema } from "./interaction-path.ts";

export interface Branch extends InteractionPath {
  id: string;
  name?: string | undefined;
  match: "all" | "any";
  conditions: Condition[];
}

export interface ConditionalBranch {
  id: string;
  kind: "conditional_branch";
  /** Evaluated in order; the first branch whose conditions hold runs. */
  branches: Branch[];
  /** "In all other cases": runs when no branch matched. Optional. */
  otherwise?: InteractionPath | undefined;
}

export function conditionalBranchSchema(path: InteractionPathSchema) {
  const branch = path
    .extend({
      id: Identifier,
      name: z.string().max(100).optional(),
      match: z.enum(["all", "any"]).default("all"),
      conditions: z.array(Condition).min(1, "needs at least one condition").max(20),
    })
    .meta({ id: "Branch" });
  return z
    .object({
      id: Identifier,
      kind: z.literal("conditional_branch"),
      branches: z.array(branch).min(1, "needs at least one branch").max(20),
      otherwise: path.optional(),
    })
    .meta({ id: "ConditionalBranch", description: "Runs the first branch whose conditions hold." });
}
