import { typesForChannel, type VolumeControlSetting, volumeControlAvailability } from "../capabilities.ts";
import type { AssistantType, Channel } from "../channels.ts";
import { interactionDefinition } from "../interactions/registry.ts";
import type { Check } from "./check-context.ts";
import { childPointer } from "./json-pointer.ts";
import {
  capitalized,
  channelLabels,
  describeChannels,
  describeTypes,
  listInProse,
  typeLabels,
} from "./labels.ts";
import { errorAt, type Problem } from "./problem.ts";

/** The assistant's type must be one its channel can serve (voice is Lite only). */
export const checkTypeForChannel: Check = ({ assistant }) => {
  const allowed = typesForChannel(assistant.channel);
  if (allowed.includes(assistant.type)) return [];
  return [
    errorAt(
      "/type",
      "type_unavailable_on_channel",
      capitalized(
        `${channelLabels[assistant.channel]} assistants must be ${listInProse(allowed.map((type) => typeLabels[type]))}; this one is ${typeLabels[assistant.type]}.`,
      ),
    ),
  ];
};

export const checkInteractionAvailability: Check = ({ assistant, sites }) => {
  const problems: Problem[] = [];
  for (const { interaction, pointer } of sites) {
    const { availability, label: name } = interactionDefinition(interaction.kind);
    if (!availability.channels.includes(assistant.channel)) {
      problems.push(
        errorAt(
          pointer,
          "interaction_unavailable_on_channel",
          `${name} is not available on ${channelLabels[assistant.channel]} assistants; it works on ${describeChannels(availability.channels)}.`,
        ),
      );
    }
    if (!availability.assistantTypes.includes(assistant.type)) {
      problems.push(
        errorAt(
          pointer,
          "interaction_unavailable_for_type",
          `${name} is not available on ${typeLabels[assistant.type]} assistants; it needs ${describeTypes(availability.assistantTypes)}.`,
        ),
      );
    }
  }
  return problems;
};

/** Attachments travel only on WhatsApp (spec 04). */
export const checkAttachments: Check = ({ assistant, sites }) => {
  if (assistant.channel === "whatsapp") return [];
  return sites.flatMap(({ interaction, pointer }) =>
    interaction.kind === "send_message" && (interaction.attachments?.length ?? 0) > 0
      ? [
          errorAt(
            childPointer(pointer, "attachments"),
            "attachments_unavailable_on_channel",
            `Attachments can only be sent by WhatsApp assistants; this is a ${channelLabels[assistant.channel]} assistant.`,
          ),
        ]
      : [],
  );
};

const volumeControlLabels: Record<VolumeControlSetting, string> = {
  reminder: "Inactive customer reminder",
  abandon: "Customer abandoned conversation",
  abandonMarkDone: 'Marking an abandoned conversation done ("action": "mark_done")',
  agentMissed: "Agent missed conversation",
  agentMissedMarkDone:
    'Marking a missed conversation done when no follow-up channel is chosen ("markDoneIfNoChoice")',
};

/** Checks one volume-control setting that is switched on; returns whether the assistant can use it. */
function checkSetting(
  setting: VolumeControlSetting,
  pointer: string,
  channel: Channel,
  type: AssistantType,
  problems: Problem[],
): boolean {
  const availability = volumeControlAvailability[setting];
  if (!availability.channels.includes(channel)) {
    problems.push(
      errorAt(
        pointer,
        "volume_control_unavailable",
        `${volumeControlLabels[setting]} is not available on ${channelLabels[channel]} assistants; it works on ${describeChannels(availability.channels)}.`,
      ),
    );
    return false;
  }
  if (!availability.types.includes(type)) {
    problems.push(
      errorAt(
        pointer,
        "volume_control_unavailable",
        `${volumeControlLabels[setting]} is not available on ${typeLabels[type]} assistants; it needs ${describeTypes(availability.types)}.`,
      ),
    );
    return false;
  }
  return true;
}

/** Settings that are switched off are not checked: they do nothing, whatever they hold. */
export const checkVolumeControlAvailability: Check = ({ assistant }) => {
  const { reminder, abandon, agentMissed } = assistant.settings.volumeControl;
  const { channel, type } = assistant;
  const base = "/settings/volumeControl";
  const problems: Problem[] = [];
  if (reminder.enabled) checkSetting("reminder", `${base}/reminder/enabled`, channel, type, problems);
  if (abandon.enabled && checkSetting("abandon", `${base}/abandon/enabled`, channel, type, problems)) {
    if (abandon.action === "mark_done") {
      checkSetting("abandonMarkDone", `${base}/abandon/action`, channel, type, problems);
    }
  }
  if (
    agentMissed.enabled &&
    checkSetting("agentMissed", `${base}/agentMissed/enabled`, channel, type, problems)
  ) {
    if (agentMissed.markDoneIfNoChoice) {
      checkSetting("agentMissedMarkDone", `${base}/agentMissed/markDoneIfNoChoice`, channel, type, problems);
    }
  }
  return problems;
};
