import { volumeControlAvailability } from "../capabilities.ts";
import type { AssistantType, Channel } from "../channels.ts";
import { VolumeControl } from "../settings.ts";
import type { MessageTable, TemplateLanguage } from "./languages.ts";

interface VolumeControlMessages {
  reminder: string;
  /** Sent before the abandoned conversation is transferred, so it must not say the conversation ended. */
  abandon: string;
  agentMissed: string;
}

const messages: MessageTable<VolumeControlMessages> = {
  en: {
    reminder: "Are you still there?",
    abandon:
      "We haven't heard from you in a while, so we've passed this conversation to our team. An agent will follow up here.",
    agentMissed: "Sorry, no one on our team is free right now. How would you like us to follow up with you?",
  },
  es: {
    reminder: "¿Sigues ahí?",
    abandon:
      "Como hace un rato que no sabemos de ti, hemos pasado esta conversación a nuestro equipo. Un agente te responderá por aquí.",
    agentMissed:
      "Lo sentimos, ahora mismo no hay nadie disponible en nuestro equipo. ¿Cómo prefieres que te contactemos?",
  },
  pt: {
    reminder: "Você ainda está aí?",
    abandon:
      "Como não tivemos notícias suas há algum tempo, passamos esta conversa para a nossa equipe. Um atendente vai responder por aqui.",
    agentMissed:
      "Desculpe, ninguém da nossa equipe está disponível agora. Como você prefere que entremos em contato?",
  },
};

/** Channels where templates switch the abandoned-conversation setting on. */
const abandonOnChannels: readonly Channel[] = ["chat", "whatsapp"];

/**
 * Volume control with the spec's default timings (from the schema) and
 * messages in the assistant's language. `abandon` asks templates' behaviour:
 * on chat and WhatsApp an abandoned conversation is handed to the team.
 */
export function volumeControlFor(
  channel: Channel,
  type: AssistantType,
  language: TemplateLanguage,
  options: { abandon: boolean },
): VolumeControl {
  const defaults = VolumeControl.parse({});
  const text = messages[language];
  const abandonEnabled =
    options.abandon &&
    abandonOnChannels.includes(channel) &&
    volumeControlAvailability.abandon.channels.includes(channel) &&
    volumeControlAvailability.abandon.types.includes(type);
  return {
    reminder: { ...defaults.reminder, message: text.reminder },
    abandon: { ...defaults.abandon, enabled: abandonEnabled, action: "transfer", message: text.abandon },
    agentMissed: { ...defaults.agentMissed, message: text.agentMissed },
  };
}
