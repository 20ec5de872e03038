import { baseLanguage } from "../text/analyzer.ts";

interface AnswerMessages {
  /** Said when the help center does not answer the question: honest, short, no apology loop. */
  refusal: string;
  /** Put before quoted article text, so the customer knows the words are the help center's, not ours. */
  leadIn: string;
}

const messagesByLanguage: Record<string, AnswerMessages> = {
  en: {
    refusal: "I couldn't find that in our help center.",
    leadIn: "Here's what our help center says:",
  },
  es: {
    refusal: "No encontré esa información en nuestro centro de ayuda.",
    leadIn: "Esto es lo que dice nuestro centro de ayuda:",
  },
  pt: {
    refusal: "Não encontrei essa informação na nossa central de ajuda.",
    leadIn: "Veja o que diz a nossa central de ajuda:",
  },
};

/** The languages with their own refusal and lead-in; any other language gets English. */
export const answerMessageLanguages = Object.keys(messagesByLanguage);

function messagesFor(language: string): AnswerMessages {
  const base = baseLanguage(language);
  return messagesByLanguage[Object.hasOwn(messagesByLanguage, base) ? base : "en"] as AnswerMessages;
}

/** What the assistant says when the help center does not answer the question, in the customer's language. */
export function refusalMessage(language: string): string {
  return messagesFor(language).refusal;
}

/** The sentence that introduces quoted help-center text, in the customer's language. */
export function leadInMessage(language: string): string {
  return messagesFor(language).leadIn;
}
