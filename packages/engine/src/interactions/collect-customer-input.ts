import type { CollectCustomerInput } from "@parley/model";
import { normalizeText } from "../choices.ts";
import type { ConversationEvent } from "../events.ts";
import { type InteractionModule, ignore, next, redirect, wait } from "../outcome.ts";
import { rememberedText } from "../remembered-text.ts";
import type { Turn } from "../turn-context.ts";

/** What the caller keyed or said; typed text (a test console) counts as speech. */
export function spokenOrKeyed(event: ConversationEvent): { digits: string; speech: string } | null {
  if (event.type === "customer.input") return { digits: event.digits ?? "", speech: event.speech ?? "" };
  if (event.type === "customer.text") {
    const text = event.text.trim();
    return /^[0-9*#]+$/.test(text) ? { digits: text, speech: "" } : { digits: "", speech: text };
  }
  return null;
}

function gather(turn: Turn, interaction: CollectCustomerInput): void {
  turn.send({
    kind: "voice.gather",
    prompt: turn.render(interaction.prompt),
    mode: interaction.mode,
    ...(interaction.maxDigits ? { maxDigits: interaction.maxDigits } : {}),
  });
}

export const collectCustomerInput: InteractionModule<"collect_customer_input"> = {
  kind: "collect_customer_input",
  enter(turn, interaction) {
    gather(turn, interaction);
    return wait({ for: "input", interactionId: interaction.id });
  },
  repeat: gather,
  resume(turn, interaction, waiting, event) {
    const input = spokenOrKeyed(event);
    if (!input) return ignore;
    if (input.digits === "" && input.speech.trim() === "") {
      // Silence: ask again rather than saving nothing and moving on.
      gather(turn, interaction);
      return wait(waiting);
    }
    const speech = ` ${normalizeText(input.speech.slice(0, 500))} `;
    // Whole words only ("no" must not match "know"); a phrase with no words left would match everything.
    const said = (phrase: string) => {
      const words = normalizeText(phrase);
      return words !== "" && speech.includes(` ${words} `);
    };
    const option = interaction.options.find(
      (candidate) =>
        (input.digits !== "" && candidate.digits === input.digits) || (candidate.phrases ?? []).some(said),
    );
    if (interaction.saveTo) turn.save(interaction.saveTo, rememberedText(input.digits || input.speech));
    if (option) return redirect(option.dialogId);
    return next;
  },
};
