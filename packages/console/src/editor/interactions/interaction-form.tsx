import type { EndInteraction, Interaction } from "@parley/model";

/** The contract between the dialog editor and every kind's form (one module per kind in this folder). */
export interface InteractionFormProps<T extends Interaction | EndInteraction = Interaction | EndInteraction> {
  interaction: T;
  /** JSON pointer of the interaction in the definition: its fields' problems are under it. */
  pointer: string;
  /** Changes this interaction in the working copy (an immer draft of it). */
  update(recipe: (interaction: T) => void): void;
  readOnly: boolean;
}

/** Placeholder: the interaction forms replace it with one form per kind. */
export function InteractionForm({ interaction }: InteractionFormProps) {
  return <p>{interaction.kind}</p>;
}
