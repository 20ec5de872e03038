import { readAttribute } from "../attributes.ts";
import { type InteractionModule, next } from "../outcome.ts";

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (value === undefined || value === null || value === "") return [];
  return [String(value)];
}

export const updateAttribute: InteractionModule<"update_attribute"> = {
  kind: "update_attribute",
  enter(turn, interaction) {
    for (const update of interaction.updates) {
      const rendered = typeof update.value === "string" ? turn.render(update.value) : update.value;
      if (update.operation === "set") {
        turn.save(update.target, rendered);
        continue;
      }
      // Lists such as tags: add or remove items, keeping the others.
      const current = asList(readAttribute(turn, update.target.klass, update.target.attribute));
      const items = asList(rendered);
      const updated =
        update.operation === "add"
          ? [...current, ...items.filter((item) => !current.includes(item))]
          : current.filter((item) => !items.includes(item));
      turn.save(update.target, updated);
    }
    return next;
  },
};
