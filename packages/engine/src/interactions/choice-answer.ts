import { matchChoice } from "../choices.ts";
import type { ConversationEvent } from "../events.ts";
import type { ChoiceOption } from "../messages.ts";
import { ignore, type Outcome, wait } from "../outcome.ts";
import type { Waiting } from "../state.ts";
import type { Turn } from "../turn-context.ts";

/**
 * Shared by every interaction that waits for a choice: a reply that names an
 * option goes to `onChosen`; any other text or button gets the options again,
 * so the customer is never stuck; other events change nothing.
 */
export function answerChoice(
  turn: Turn,
  event: ConversationEvent,
  waiting: Waiting,
  options: ChoiceOption[],
  onChosen: (option: ChoiceOption) => Outcome,
  style: "buttons" | "list" = "buttons",
  buttonLabel = "",
): Outcome {
  const chosen = matchChoice(event, options);
  if (chosen) return onChosen(chosen);
  if (event.type !== "customer.text" && event.type !== "customer.choice") return ignore;
  turn.offerChoices(turn.phrase("chooseOption"), options, style, buttonLabel);
  return wait(waiting);
}
