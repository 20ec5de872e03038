import type { ChoiceOption } from "../effects.ts";
import { type InteractionModule, ignore, next, redirect, wait } from "../outcome.ts";
import type { Waiting } from "../state.ts";
import { answerChoice } from "./choice-answer.ts";

/** The spec shows the 3 most recent matching objects. */
const objectLimit = 3;

function text(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}

function cardOptions(waiting: Waiting): ChoiceOption[] {
  const labels = (waiting.data?.labels as string[] | undefined) ?? [];
  return (waiting.options ?? []).map((id, position) => ({ id, label: labels[position] ?? id }));
}

export const objectSelector: InteractionModule<"object_selector"> = {
  kind: "object_selector",
  enter(turn, interaction) {
    const requestId = turn.nextId("r");
    turn.emit({
      type: "objects.lookup",
      requestId,
      klass: interaction.klass,
      query: turn.state.lastCustomerText ?? "",
      limit: objectLimit,
    });
    return wait({ for: "result", interactionId: interaction.id, requestId });
  },
  resume(turn, interaction, waiting, event) {
    if (waiting.for === "result") {
      if (event.type !== "objects.found" || event.requestId !== waiting.requestId) return ignore;
      if (!event.authenticated) return redirect(interaction.notAuthenticatedRedirect);
      const objects = event.objects.slice(0, objectLimit);
      if (objects.length === 0) return redirect(interaction.noResultsRedirect);
      const cards = objects.map((object) => {
        const image = interaction.card.image ? text(object.attributes[interaction.card.image]) : "";
        return {
          id: object.id,
          label: text(object.attributes[interaction.card.title]) || object.id,
          description: text(object.attributes[interaction.card.description]),
          ...(image ? { imageUrl: image } : {}),
        };
      });
      const prompt = turn.render(interaction.prompt);
      if (turn.channel === "chat" || turn.channel === "whatsapp")
        turn.send({ kind: "cards", text: prompt, cards });
      else turn.offerChoices(prompt, cards);
      return wait({
        for: "choice",
        interactionId: interaction.id,
        options: cards.map((card) => card.id),
        data: { labels: cards.map((card) => card.label) },
      });
    }
    return answerChoice(turn, event, waiting, cardOptions(waiting), (card) => {
      if (interaction.saveTo) turn.save(interaction.saveTo, card.id);
      return next;
    });
  },
};
