import { childPointer } from "../definition-pointer.ts";
import { DialogSelect } from "../fields/reference-selects.tsx";

/**
 * One required dialog select per outcome of an interaction (answered, not helped, no articles…):
 * where the conversation goes next, kept in the interaction's `redirects`.
 */
export function OutcomeRedirectSelects<K extends string, T extends { redirects: Record<K, string> }>({
  interaction,
  pointer,
  update,
  readOnly,
  outcomes,
  labels,
}: {
  interaction: T;
  /** The interaction's pointer. */
  pointer: string;
  update(recipe: (interaction: T) => void): void;
  readOnly: boolean;
  outcomes: readonly K[];
  labels: Record<K, string>;
}) {
  const redirects = childPointer(pointer, "redirects");
  return outcomes.map((outcome) => (
    <DialogSelect
      key={outcome}
      label={labels[outcome]}
      required
      pointer={childPointer(redirects, outcome)}
      value={interaction.redirects[outcome]}
      onChange={(value) =>
        value &&
        update((draft) => {
          draft.redirects[outcome] = value;
        })
      }
      readOnly={readOnly}
    />
  ));
}
