import { standardAttributes, updatableStandardAttributes } from "../attributes.ts";
import { customAttributeOf } from "./attribute-types.ts";
import type { Check } from "./check-context.ts";
import { childPointer } from "./json-pointer.ts";
import { listInProse, quoted } from "./labels.ts";
import { errorAt } from "./problem.ts";

/**
 * Update attribute may change custom attributes and only the standard ones
 * spec 04 lists. An organization's Klass that defines an attribute of the same
 * name as custom makes it updatable.
 */
export const checkAttributeUpdates: Check = ({ sites, options }) =>
  sites.flatMap(({ interaction, pointer }) => {
    if (interaction.kind !== "update_attribute") return [];
    return interaction.updates.flatMap((update, index) => {
      const { klass, attribute } = update.target;
      const isStandard = standardAttributes[klass][attribute] !== undefined;
      const updatable: readonly string[] = updatableStandardAttributes[klass];
      if (!isStandard || updatable.includes(attribute)) return [];
      if (customAttributeOf(options.klasses, klass, attribute) !== undefined) return [];
      return [
        errorAt(
          childPointer(pointer, "updates", index, "target", "attribute"),
          "attribute_not_updatable",
          `The standard attribute ${klass}.${attribute} cannot be changed by an assistant; on ${klass} it can update ${listInProse(updatable.map((name) => quoted(name)))} and custom attributes.`,
        ),
      ];
    });
  });
