import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { Identifier } from "../identifiers.ts";
import {
  automationAssistantTypes,
  defineInteraction,
  everyChannelButVoice,
  inDialogsBranchesAndSchedules,
  neverWaits,
} from "./definition.ts";

export const WorkflowOutputMapping = z.object({
  output: z.string().min(1).max(64),
  saveTo: SaveTarget,
});

const description = "Calls a callable workflow and saves what it returns.";

export const RunWorkflow = z
  .object({
    id: Identifier,
    kind: z.literal("run_workflow"),
    workflowId: z.string().min(1).max(128),
    /** Input parameters as text templates, rendered when the workflow is called. */
    inputs: z.record(z.string().min(1).max(64), z.string().max(4096)).default({}),
    outputs: z.array(WorkflowOutputMapping).max(50).default([]),
  })
  .meta({ id: "RunWorkflow", description });
export type RunWorkflow = z.infer<typeof RunWorkflow>;

export const runWorkflowDefinition = defineInteraction<RunWorkflow>({
  kind: "run_workflow",
  schema: RunWorkflow,
  label: "Run workflow",
  alsoKnownAs: [],
  description,
  end: false,
  availability: {
    channels: everyChannelButVoice,
    assistantTypes: automationAssistantTypes,
    positions: inDialogsBranchesAndSchedules,
  },
  // It waits for the workflow, not for a person.
  waitsForCustomer: neverWaits,
  nestedPaths: [],
  references: [
    { path: "workflowId", target: "workflow" },
    { path: "outputs[].saveTo", target: "attribute" },
  ],
  // Workflow inputs are rendered as templates when the workflow is called.
  textTemplateFields: ["inputs.*"],
  optionIds: [],
  fields: [
    { key: "workflowId", label: "Workflow", kind: "workflow", required: true },
    { key: "inputs", label: "Inputs", kind: "workflow_inputs", required: false },
    {
      key: "outputs",
      label: "Save what it returns",
      kind: "list",
      required: false,
      items: [
        { key: "output", label: "Output", kind: "text", required: true },
        { key: "saveTo", label: "Save to", kind: "attribute", required: true },
      ],
    },
  ],
});
