import { type InteractionModule, ignore, next, wait } from "../outcome.ts";

export const runWorkflow: InteractionModule<"run_workflow"> = {
  kind: "run_workflow",
  enter(turn, interaction) {
    const requestId = turn.nextId("r");
    const inputs: Record<string, string> = {};
    for (const [name, template] of Object.entries(interaction.inputs)) inputs[name] = turn.render(template);
    turn.emit({ type: "workflow.call", requestId, workflowId: interaction.workflowId, inputs });
    return wait({ for: "result", interactionId: interaction.id, requestId });
  },
  resume(turn, interaction, waiting, event) {
    if (event.type !== "workflow.completed" || event.requestId !== waiting.requestId) return ignore;
    for (const mapping of interaction.outputs) {
      const value = event.output[mapping.output];
      if (value !== undefined) turn.save(mapping.saveTo, value);
    }
    return next;
  },
};
