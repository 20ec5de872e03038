import type { MessageTable } from "./languages.ts";

/** Texts of a new assistant (and of the blank template). Every greeting says it is a bot (spec 14). */
export interface DefaultAssistantMessages {
  internalName: string;
  description: string;
  publicName: string;
  welcome: string;
  handover: string;
  voiceWelcome: string;
  voiceHandover: string;
}

export const defaultAssistantMessages: MessageTable<DefaultAssistantMessages> = {
  en: {
    internalName: "New assistant",
    description: "Greets the customer and transfers the conversation to an agent.",
    publicName: "Support Bot",
    welcome: "Hello! I'm a bot, not a real person, but I'm here to help you get started.",
    handover: "I'm connecting you with a member of our team now. They'll reply here as soon as they can.",
    voiceWelcome: "Hello! You're speaking with an automated assistant, not a real person.",
    voiceHandover: "Please hold while we connect you with a member of our team.",
  },
  es: {
    internalName: "Nuevo asistente",
    description: "Saluda al cliente y transfiere la conversación a un agente.",
    publicName: "Bot de soporte",
    welcome: "¡Hola! Soy un bot, no una persona, pero estoy aquí para ayudarte a empezar.",
    handover:
      "Ahora te pongo en contacto con alguien de nuestro equipo. Te responderá por aquí lo antes posible.",
    voiceWelcome: "¡Hola! Estás hablando con un asistente automático, no con una persona.",
    voiceHandover: "Espera un momento, por favor, mientras te pasamos con alguien de nuestro equipo.",
  },
  pt: {
    internalName: "Novo assistente",
    description: "Cumprimenta o cliente e transfere a conversa para um atendente.",
    publicName: "Bot de suporte",
    welcome: "Olá! Sou um bot, não uma pessoa, mas estou aqui para ajudar você a começar.",
    handover:
      "Vou transferir você para alguém da nossa equipe. Você vai receber uma resposta aqui assim que possível.",
    voiceWelcome: "Olá! Você está falando com um assistente automático, não com uma pessoa.",
    voiceHandover: "Aguarde um momento enquanto transferimos sua ligação para alguém da nossa equipe.",
  },
};
