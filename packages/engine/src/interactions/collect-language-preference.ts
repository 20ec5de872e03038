import type { CollectLanguagePreference } from "@parley/model";
import { normalizeText } from "../choices.ts";
import { type InteractionModule, ignore, next, wait } from "../outcome.ts";
import type { Turn } from "../turn-context.ts";
import { spokenOrKeyed } from "./collect-customer-input.ts";

function askLanguage(turn: Turn, interaction: CollectLanguagePreference): void {
  turn.send({
    kind: "voice.gather",
    prompt: turn.render(interaction.prompt),
    mode: "digits_or_speech",
    maxDigits: 1,
  });
}

export const collectLanguagePreference: InteractionModule<"collect_language_preference"> = {
  kind: "collect_language_preference",
  enter(turn, interaction) {
    askLanguage(turn, interaction);
    return wait({ for: "input", interactionId: interaction.id });
  },
  repeat: askLanguage,
  resume(turn, interaction, waiting, event) {
    const input = spokenOrKeyed(event);
    if (!input) return ignore;
    const speech = normalizeText(input.speech.slice(0, 200));
    const option = interaction.options.find(
      (candidate) =>
        candidate.digits === input.digits || (speech !== "" && normalizeText(candidate.label) === speech),
    );
    if (!option) {
      askLanguage(turn, interaction);
      return wait(waiting);
    }
    turn.state.language = option.language;
    turn.save({ klass: "conversation", attribute: "defaultLanguage" }, option.language);
    return next;
  },
};
