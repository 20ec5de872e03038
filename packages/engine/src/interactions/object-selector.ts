import type { ObjectSelector } from "@parley/model";
import type { ChoiceOption } from "../messages.ts";
import { type InteractionModule, ignore, next, redirect, wait } from "../outcome.ts";
import type { Waiting } from "../state.ts";
import type { Turn } from "../turn-context.ts";
import { answerChoice } from "./choice-answer.ts";

/** The spec shows the 3 most recent matching objects. */
const objectLimit = 3;

function text(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}

type Card = ChoiceOption & { imageUrl?: string };

/** The cards shown are kept while the customer chooses: the reminder shows them again. */
function shownCards(waiting: Waiting): Card[] {
  return (waiting.data?.cards as Card[] | undefined) ?? [];
}

function showCards(turn: Turn, interaction: ObjectSelector, cards: Card[]): void {
  const prompt = turn.render(interaction.prompt);
  if (turn.channel === "chat" || turn.channel === "whatsapp")
    turn.send({ kind: "cards", text: prompt, cards });
  else turn.offerChoices(prompt, cards);
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
  repeat(turn, interaction, waiting) {
    if (waiting.for === "choice") showCards(turn, interaction, shownCards(waiting));
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
      showCards(turn, interaction, cards);
      return wait({ for: "choice", interactionId: interaction.id, data: { cards } });
    }
    return answerChoice(turn, event, waiting, shownCards(waiting), (card) => {
      if (interaction.saveTo) turn.save(interaction.saveTo, card.id);
      return next;
    });
  },
};
