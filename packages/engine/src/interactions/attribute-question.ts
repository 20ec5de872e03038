import { standardAttributes } from "@parley/model";
import { isSet, readAttribute } from "../attributes.ts";
import type { ChoiceOption } from "../messages.ts";
import { type InteractionModule, next, wait } from "../outcome.ts";
import { answerChoice } from "./choice-answer.ts";

function valueOptions(values: string[]): ChoiceOption[] {
  return values.map((value, position) => ({ id: `value-${position + 1}`, label: value }));
}

export const attributeQuestion: InteractionModule<"attribute_question"> = {
  kind: "attribute_question",
  enter(turn, interaction) {
    const { klass, attribute } = interaction.attribute;
    if (interaction.skipIfSet && isSet(readAttribute(turn, klass, attribute))) return next;
    turn.offerChoices(turn.render(interaction.prompt), valueOptions(interaction.values));
    return wait({ for: "choice", interactionId: interaction.id });
  },
  repeat(turn, interaction) {
    turn.offerChoices(turn.render(interaction.prompt), valueOptions(interaction.values));
  },
  resume(turn, interaction, waiting, event) {
    const { klass, attribute } = interaction.attribute;
    return answerChoice(turn, event, waiting, valueOptions(interaction.values), (option) => {
      // List attributes such as Assigned Teams hold a list even when one value is chosen.
      const type = standardAttributes[klass]?.[attribute];
      turn.save(interaction.attribute, type === "list" ? [option.label] : option.label);
      return next;
    });
  },
};
