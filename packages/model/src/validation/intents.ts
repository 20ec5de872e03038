import { featureAvailability } from "../capabilities.ts";
import { isWhatsappChannel } from "../channels.ts";
import type { Check, CheckContext } from "./check-context.ts";
import { childPointer } from "./json-pointer.ts";
import { channelLabels, describeTypes, quoted, typeLabels } from "./labels.ts";
import { errorAt, type Problem, warningAt } from "./problem.ts";

/** Pointers of the `understandIntents` flags that are switched on. */
function understandingFlags({ sites }: CheckContext): string[] {
  return sites
    .filter(({ interaction }) => "understandIntents" in interaction && interaction.understandIntents === true)
    .map(({ pointer }) => childPointer(pointer, "understandIntents"));
}

export const checkIntents: Check = (context) => {
  const { assistant, options } = context;
  const flags = understandingFlags(context);
  const problems: Problem[] = [];

  if (!featureAvailability.intents.types.includes(assistant.type)) {
    const message = `Intents are not available on ${typeLabels[assistant.type]} assistants; they need ${describeTypes(featureAvailability.intents.types)}.`;
    if (assistant.intents.length > 0)
      problems.push(errorAt("/intents", "intents_unavailable_for_type", message));
    for (const flag of flags) problems.push(errorAt(flag, "intents_unavailable_for_type", message));
  } else if (assistant.intents.length === 0) {
    for (const flag of flags) {
      problems.push(
        warningAt(
          flag,
          "understand_intents_without_mappings",
          "This interaction understands intents, but the assistant maps no intent to a dialog, so no intent can redirect the customer.",
        ),
      );
    }
  } else if (flags.length === 0) {
    problems.push(
      warningAt(
        "/intents",
        "intent_mappings_unused",
        'Intents are mapped to dialogs, but no interaction understands intents ("understandIntents": true), so the mappings are never used.',
      ),
    );
  }

  const seen = new Set<string>();
  assistant.intents.forEach((mapping, index) => {
    const pointer = childPointer("", "intents", index, "intent");
    if (seen.has(mapping.intent)) {
      problems.push(
        errorAt(
          pointer,
          "duplicate_intent_mapping",
          `The intent ${quoted(mapping.intent)} is mapped more than once; an intent can lead to only one dialog.`,
        ),
      );
    }
    seen.add(mapping.intent);
    if (options.intents !== undefined && !options.intents.includes(mapping.intent)) {
      problems.push(
        errorAt(
          pointer,
          "unknown_intent",
          `There is no intent ${quoted(mapping.intent)} in this organization.`,
        ),
      );
    }
  });
  return problems;
};

/** Spec 08: the "no intent matched" behaviour applies to WhatsApp assistants only. */
export const checkNoIntentBehaviour: Check = ({ assistant }) => {
  if (
    assistant.settings.behaviour.noIntentMatch.action !== "redirect" ||
    isWhatsappChannel(assistant.channel)
  ) {
    return [];
  }
  return [
    warningAt(
      "/settings/behaviour/noIntentMatch",
      "no_intent_behaviour_not_applicable",
      `The "no intent matched" redirect only applies to WhatsApp assistants; on ${channelLabels[assistant.channel]} it is ignored.`,
    ),
  ];
};
