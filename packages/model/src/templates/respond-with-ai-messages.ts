import type { MessageTable } from "./languages.ts";

export interface RespondWithAiMessages {
  internalName: string;
  description: string;
  publicName: string;
  welcome: string;
  askQuestion: string;
  feedbackPrompt: string;
  answered: string;
  notAnswered: string;
  negativeFeedback: string;
  handover: string;
}

export const respondWithAiMessages: MessageTable<RespondWithAiMessages> = {
  en: {
    internalName: "Respond with AI",
    description:
      "Answers questions from the public knowledge base and hands over to an agent when it can't help.",
    publicName: "Support Bot",
    welcome:
      "Hi! I'm a bot, not a real person. I can answer your questions with articles from our help center.",
    askQuestion: "What would you like to know? Type your question below.",
    feedbackPrompt: "Did that answer your question?",
    answered: "Great! Do you have another question?",
    notAnswered: "I couldn't find that in our help center. Could you ask in another way?",
    negativeFeedback: "Sorry that didn't help. Could you rephrase your question or add a few details?",
    handover: "I'll connect you with a member of our team who can help. They'll reply here shortly.",
  },
  es: {
    internalName: "Responder con IA",
    description:
      "Responde preguntas con la base de conocimiento pública y pasa la conversación a un agente cuando no puede ayudar.",
    publicName: "Bot de soporte",
    welcome:
      "¡Hola! Soy un bot, no una persona. Puedo responder tus preguntas con los artículos de nuestro centro de ayuda.",
    askQuestion: "¿Qué te gustaría saber? Escribe tu pregunta aquí abajo.",
    feedbackPrompt: "¿Esto responde a tu pregunta?",
    answered: "¡Genial! ¿Tienes alguna otra pregunta?",
    notAnswered: "No encontré eso en nuestro centro de ayuda. ¿Podrías preguntarlo de otra forma?",
    negativeFeedback: "Siento que no te haya servido. ¿Podrías reformular la pregunta o darme más detalles?",
    handover: "Te paso con alguien de nuestro equipo que podrá ayudarte. Te responderá por aquí en breve.",
  },
  pt: {
    internalName: "Responder com IA",
    description:
      "Responde perguntas com a base de conhecimento pública e transfere para um atendente quando não consegue ajudar.",
    publicName: "Bot de suporte",
    welcome:
      "Olá! Sou um bot, não uma pessoa. Posso responder às suas perguntas com os artigos da nossa central de ajuda.",
    askQuestion: "O que você gostaria de saber? Digite sua pergunta aqui embaixo.",
    feedbackPrompt: "Isso respondeu à sua pergunta?",
    answered: "Que bom! Você tem outra pergunta?",
    notAnswered: "Não encontrei isso na nossa central de ajuda. Você pode perguntar de outro jeito?",
    negativeFeedback: "Que pena que não ajudou. Você pode reformular a pergunta ou dar mais detalhes?",
    handover:
      "Vou transferir você para alguém da nossa equipe que pode ajudar. Você vai receber uma resposta aqui em breve.",
  },
};
