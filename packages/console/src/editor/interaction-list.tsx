import type { Interaction } from "@parley/model";

/** The contract between the dialog editor and the interaction forms; see the dialog workspace's own work. */
export interface InteractionListProps {
  /** JSON pointer of the array in the definition: `/dialogs/0/interactions`, or a branch's or schedule path's. */
  pointer: string;
  interactions: readonly Interaction[];
  /** True inside a branch or schedule path, where the list is part of another interaction's form. */
  nested?: boolean;
}

/** Placeholder: the dialog workspace replaces it with the real list (add, reorder, delete, forms). */
export function InteractionList({ interactions }: InteractionListProps) {
  return <p>{interactions.length} interactions</p>;
}
