import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { Identifier } from "../identifiers.ts";

export const WorkflowOutputMapping = z.object({
  output: z.string().min(1).max(64),
  saveTo: SaveTarget,
});

export const RunWorkflow = z
  .object({
    id: Identifier,
    kind: z.literal("run_workflow"),
    workflowId: z.string().min(1).max(128),
    /** Input parameters as text templates, rendered when the workflow is called. */
    inputs: z.record(z.string().min(1).max(64), z.string().max(4096)).default({}),
    outputs: z.array(WorkflowOutputMapping).max(50).default([]),
  })
  .meta({ id: "RunWorkflow", description: "Calls a callable workflow and saves what it returns." });
export type RunWorkflow = z.infer<typeof RunWorkflow>;
