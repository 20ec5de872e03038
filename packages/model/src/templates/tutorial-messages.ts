import type { MessageTable } from "./languages.ts";

/** The teams the tutorial offers. Values are the Assigned Teams attribute's values, so they stay as they are. */
export const tutorialTeams = ["CX", "Sales", "Shipping"] as const;
export type TutorialTeam = (typeof tutorialTeams)[number];

export interface TutorialMessages {
  internalName: string;
  description: string;
  publicName: string;
  welcome: string;
  askName: string;
  /** Above the team buttons of the attribute question (chat). */
  askTeam: string;
  /**
   * The numbered menu of channels without buttons (spec 13): option n is
   * `tutorialTeams[n - 1]`, and the last option, "something else", reaches any agent.
   */
  askTeamMenu: string;
  /** Words that pick a team when typed (matched with "contains", case ignored). */
  teamKeywords: Record<TutorialTeam, readonly string[]>;
  somethingElseKeywords: readonly string[];
  notUnderstood: string;
  /** Complete Assistant after the team buttons: Assigned Teams already says where the conversation goes. */
  complete: string;
  /** Channels without buttons transfer to the chosen team from a dialog per team. */
  teamHandover: Record<TutorialTeam, string>;
  /** Complete Assistant on channels without buttons, reached by "something else". */
  anyAgentHandover: string;
  voiceWelcome: string;
  voiceAskName: string;
  voiceAskTeam: string;
  /** Words that pick a team when spoken. */
  voiceTeamPhrases: Record<TutorialTeam, readonly string[]>;
  voiceTeamHandover: Record<TutorialTeam, string>;
  /** When the caller's answer matched no team. */
  voiceHandover: string;
}

export const tutorialMessages: MessageTable<TutorialMessages> = {
  en: {
    internalName: "Tutorial assistant",
    description: "Asks for the customer's name and the team they want, then transfers to that team.",
    publicName: "Support Bot",
    welcome:
      "Hi! I'm a bot, not a real person. I'll ask you two quick questions so I can connect you with the right team.",
    askName: "First, what's your name?",
    askTeam: "Thanks! Which team would you like to talk to?",
    askTeamMenu:
      "Thanks! Which team would you like to talk to? Reply with a number:\n1️⃣ Customer experience (CX)\n2️⃣ Sales\n3️⃣ Shipping\n4️⃣ Something else",
    teamKeywords: { CX: ["cx", "experience"], Sales: ["sales"], Shipping: ["shipping", "delivery"] },
    somethingElseKeywords: ["else", "other"],
    notUnderstood: "Sorry, I didn't catch that. Please reply with a number from 1 to 4.",
    complete:
      "Thanks, {{customer.name}}! I'm connecting you with the team you chose. An agent will be with you shortly.",
    teamHandover: {
      CX: "Thanks, {{customer.name}}! I'm connecting you with our customer experience team. An agent will be with you shortly.",
      Sales:
        "Thanks, {{customer.name}}! I'm connecting you with our sales team. An agent will be with you shortly.",
      Shipping:
        "Thanks, {{customer.name}}! I'm connecting you with our shipping team. An agent will be with you shortly.",
    },
    anyAgentHandover:
      "Thanks, {{customer.name}}! I'm connecting you with the next available agent. They'll be with you shortly.",
    voiceWelcome:
      "Hello! You've reached our automated assistant. I'm not a real person, but I'll get you to the right team.",
    voiceAskName: "First, please say your name.",
    voiceAskTeam:
      "Which team would you like to talk to? For customer experience, press 1 or say C X. For sales, press 2 or say sales. For shipping, press 3 or say shipping.",
    voiceTeamPhrases: {
      CX: ["cx", "c x", "customer experience", "customer service"],
      Sales: ["sales"],
      Shipping: ["shipping", "delivery"],
    },
    voiceTeamHandover: {
      CX: "Thanks, {{customer.name}}. Please hold while I connect you with our customer experience team.",
      Sales: "Thanks, {{customer.name}}. Please hold while I connect you with our sales team.",
      Shipping: "Thanks, {{customer.name}}. Please hold while I connect you with our shipping team.",
    },
    voiceHandover:
      "Thanks, {{customer.name}}. Please hold while I connect you with the next available agent.",
  },
  es: {
    internalName: "Asistente del tutorial",
    description:
      "Pregunta el nombre del cliente y con qué equipo quiere hablar, y lo transfiere a ese equipo.",
    publicName: "Bot de soporte",
    welcome:
      "¡Hola! Soy un bot, no una persona. Te haré dos preguntas rápidas para ponerte en contacto con el equipo adecuado.",
    askName: "Para empezar, ¿cómo te llamas?",
    askTeam: "¡Gracias! ¿Con qué equipo quieres hablar?",
    askTeamMenu:
      "¡Gracias! ¿Con qué equipo quieres hablar? Responde con un número:\n1️⃣ Atención al cliente (CX)\n2️⃣ Ventas\n3️⃣ Envíos\n4️⃣ Otra consulta",
    teamKeywords: { CX: ["cx", "atención"], Sales: ["venta"], Shipping: ["envío", "envio", "entrega"] },
    somethingElseKeywords: ["otra", "otro"],
    notUnderstood: "Perdona, no te entendí. Responde con un número del 1 al 4, por favor.",
    complete:
      "¡Gracias, {{customer.name}}! Te estoy poniendo en contacto con el equipo que elegiste. Un agente te atenderá en breve.",
    teamHandover: {
      CX: "¡Gracias, {{customer.name}}! Te estoy poniendo en contacto con el equipo de atención al cliente. Un agente te atenderá en breve.",
      Sales:
        "¡Gracias, {{customer.name}}! Te estoy poniendo en contacto con el equipo de ventas. Un agente te atenderá en breve.",
      Shipping:
        "¡Gracias, {{customer.name}}! Te estoy poniendo en contacto con el equipo de envíos. Un agente te atenderá en breve.",
    },
    anyAgentHandover:
      "¡Gracias, {{customer.name}}! Te estoy poniendo en contacto con el próximo agente disponible. Te atenderá en breve.",
    voiceWelcome:
      "¡Hola! Has llamado a nuestro asistente automático. No soy una persona, pero te pondré en contacto con el equipo adecuado.",
    voiceAskName: "Para empezar, di tu nombre, por favor.",
    voiceAskTeam:
      "¿Con qué equipo quieres hablar? Para atención al cliente, marca 1 o di atención al cliente. Para ventas, marca 2 o di ventas. Para envíos, marca 3 o di envíos.",
    voiceTeamPhrases: {
      CX: ["atención al cliente", "cx"],
      Sales: ["ventas", "venta"],
      Shipping: ["envíos", "envío", "entregas"],
    },
    voiceTeamHandover: {
      CX: "Gracias, {{customer.name}}. Espera un momento mientras te paso con el equipo de atención al cliente.",
      Sales: "Gracias, {{customer.name}}. Espera un momento mientras te paso con el equipo de ventas.",
      Shipping: "Gracias, {{customer.name}}. Espera un momento mientras te paso con el equipo de envíos.",
    },
    voiceHandover:
      "Gracias, {{customer.name}}. Espera un momento mientras te paso con el próximo agente disponible.",
  },
  pt: {
    internalName: "Assistente do tutorial",
    description: "Pergunta o nome do cliente e com qual equipe ele quer falar, e transfere para essa equipe.",
    publicName: "Bot de suporte",
    welcome:
      "Olá! Sou um bot, não uma pessoa. Vou fazer duas perguntas rápidas para encaminhar você à equipe certa.",
    askName: "Para começar, qual é o seu nome?",
    askTeam: "Obrigado! Com qual equipe você quer falar?",
    askTeamMenu:
      "Obrigado! Com qual equipe você quer falar? Responda com um número:\n1️⃣ Atendimento ao cliente (CX)\n2️⃣ Vendas\n3️⃣ Entregas\n4️⃣ Outro assunto",
    teamKeywords: { CX: ["cx", "atendimento"], Sales: ["venda"], Shipping: ["entrega", "envio"] },
    somethingElseKeywords: ["outro", "outra"],
    notUnderstood: "Desculpe, não entendi. Responda com um número de 1 a 4, por favor.",
    complete:
      "Obrigado, {{customer.name}}! Estou encaminhando você para a equipe que escolheu. Um atendente vai falar com você em breve.",
    teamHandover: {
      CX: "Obrigado, {{customer.name}}! Estou encaminhando você para a equipe de atendimento ao cliente. Um atendente vai falar com você em breve.",
      Sales:
        "Obrigado, {{customer.name}}! Estou encaminhando você para a equipe de vendas. Um atendente vai falar com você em breve.",
      Shipping:
        "Obrigado, {{customer.name}}! Estou encaminhando você para a equipe de entregas. Um atendente vai falar com você em breve.",
    },
    anyAgentHandover:
      "Obrigado, {{customer.name}}! Estou encaminhando você para o próximo atendente disponível. Alguém vai falar com você em breve.",
    voiceWelcome:
      "Olá! Você ligou para o nosso assistente automático. Não sou uma pessoa, mas vou encaminhar sua ligação para a equipe certa.",
    voiceAskName: "Para começar, diga o seu nome, por favor.",
    voiceAskTeam:
      "Com qual equipe você quer falar? Para atendimento ao cliente, digite 1 ou diga atendimento. Para vendas, digite 2 ou diga vendas. Para entregas, digite 3 ou diga entregas.",
    voiceTeamPhrases: {
      CX: ["atendimento ao cliente", "atendimento", "cx"],
      Sales: ["vendas", "venda"],
      Shipping: ["entregas", "entrega", "envio"],
    },
    voiceTeamHandover: {
      CX: "Obrigado, {{customer.name}}. Aguarde um momento enquanto transfiro você para a equipe de atendimento ao cliente.",
      Sales:
        "Obrigado, {{customer.name}}. Aguarde um momento enquanto transfiro você para a equipe de vendas.",
      Shipping:
        "Obrigado, {{customer.name}}. Aguarde um momento enquanto transfiro você para a equipe de entregas.",
    },
    voiceHandover:
      "Obrigado, {{customer.name}}. Aguarde um momento enquanto transfiro você para o próximo atendente disponível.",
  },
};
