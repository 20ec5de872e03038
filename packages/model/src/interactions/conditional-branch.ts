import { z } from "zod";
import { Condition } from "../condition.ts";
import { Identifier } from "../identifiers.ts";
import {
  defineInteraction,
  everyAssistantType,
  everyChannelButVoice,
  inDialogsAndBranches,
  neverWaits,
} from "./definition.ts";
import { type InteractionPath, nestedInteractionPath } from "./interaction-path.ts";

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

const description = "Runs the first branch whose conditions hold.";

function buildConditionalBranchSchema() {
  const path = nestedInteractionPath();
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
    .meta({ id: "ConditionalBranch", description });
}

let schema: ReturnType<typeof buildConditionalBranchSchema> | undefined;

/**
 * Built on first use, when interaction.ts builds the union after importing every kind: schemas with ids
 * are listed in the order they were built (OpenAPI components), and this keeps that order.
 */
export function conditionalBranchSchema() {
  schema ??= buildConditionalBranchSchema();
  return schema;
}

export const conditionalBranchDefinition = defineInteraction<ConditionalBranch>({
  kind: "conditional_branch",
  get schema() {
    return conditionalBranchSchema() as unknown as z.ZodType<ConditionalBranch>;
  },
  label: "Conditional branch",
  alsoKnownAs: [],
  description,
  end: false,
  availability: {
    channels: everyChannelButVoice,
    assistantTypes: everyAssistantType,
    positions: inDialogsAndBranches,
  },
  waitsForCustomer: neverWaits,
  nestedPaths: [
    { path: "branches[]", key: "branch" },
    { path: "otherwise", key: "otherwise" },
  ],
  references: [
    { path: "branches[].redirectTo", target: "dialog" },
    { path: "otherwise.redirectTo", target: "dialog" },
    { path: "branches[].conditions[]", target: "attribute" },
  ],
  textTemplateFields: [],
  optionIds: [{ path: "branches", noun: "branch" }],
  fields: [
    {
      key: "branches",
      label: "Branches",
      kind: "list",
      required: true,
      description: "Tried in order; the first whose conditions hold runs.",
      items: [
        { key: "name", label: "Name", kind: "text", required: false },
        { key: "match", label: "Match", kind: "choice", required: false, choices: ["all", "any"] },
        { key: "conditions", label: "Conditions", kind: "conditions", required: true },
        { key: "interactions", label: "Interactions", kind: "interactions", required: false },
        { key: "redirectTo", label: "Then redirect to", kind: "dialog", required: false },
      ],
    },
    { key: "otherwise", label: "In all other cases", kind: "interaction_path", required: false },
  ],
});
