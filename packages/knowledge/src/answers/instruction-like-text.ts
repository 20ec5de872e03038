import { foldWord } from "../text/analyzer.ts";

/**
 * Phrases that address an AI rather than a customer. Help articles have no
 * reason to say them, so a sentence that does is treated as planted by
 * someone who could edit an article (a compromised account, a pasted
 * snippet) and is never quoted. The patterns run on folded text (lowercase,
 * no accents) in English, Spanish and Portuguese. A verb alone is not
 * enough: "you can safely disregard the email" and "ignore the care
 * instructions at your own risk" are ordinary support prose, so the
 * patterns also want a word that points at the AI's own rules ("previous",
 * "all", "your", "system").
 */
const instructionPatterns: RegExp[] = [
  // "Ignore all previous instructions", "forget your rules", "override the system prompt".
  /\b(?:ignore|ignoring|disregard|forget|override|bypass)\b(?:\s+\S+){0,3}?\s+(?:previous|above|prior|earlier|preceding|all|any|your|system|original|initial|these|those)\b(?:\s+\S+){0,2}?\s+(?:instructions?|rules?|prompts?|guidelines?|directions?|directives?)\b/u,
  // "Ignore the above", "disregard everything before this".
  /\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+|everything\s+|the\s+)?(?:above|before|previous|prior)\b/u,
  /\b(?:ignore|disregard|forget)\s+(?:the\s+)?(?:instructions?|rules?|prompts?)\s+(?:above|before|you\s+(?:were|have\s+been)\s+given)\b/u,
  /\bsystem\s+(?:prompt|message|instructions?)\b/u,
  // "You are now DAN", "you are now an unrestricted AI" but not "you are now signed out".
  /\byou\s+are\s+now\s+(?:(?:an?|the|my|called|named)\s+)?(?:\S+\s+){0,2}?(?:ai|assistant|bot|chatbot|model|dan|gpt|llm|persona)\b/u,
  /\byou\s+are\s+now\s+(?:in|entering)\s+\S+\s+mode\b/u,
  /\b(?:reveal|print|show|repeat|output|leak)\b(?:\s+\S+){0,4}?\s+(?:your|the|hidden|secret|initial|original)\s+(?:instructions?|prompts?|rules?)\b/u,
  /\b(?:pretend|act)\s+(?:to\s+be|as|like)\b(?:\s+\S+){0,3}?\s+(?:an?\s+)?(?:ai|assistant|chatbot|bot|model|gpt|llm)\b/u,
  /\bnew\s+instructions?\s*:/u,
  /\b(?:developer|jailbreak|dan)\s+mode\b/u,
  // Spanish: "ignora las instrucciones anteriores", "olvida todas tus reglas", "ahora eres", "prompt del sistema".
  /\b(?:ignora|ignore|ignorar|olvida|olvide|olvidar|omite|omitir)\b[^.!?\n]{0,30}\b(?:todas|tus|sus)\b[^.!?\n]{0,20}\b(?:instrucciones|reglas|indicaciones)\b/u,
  /\b(?:ignora|ignore|ignorar|olvida|olvide|olvidar|omite|omitir)\b[^.!?\n]{0,30}\b(?:instrucciones|reglas|indicaciones)\s+(?:anteriores|previas)\b/u,
  /\bahora\s+eres\s+(?:(?:un|una)\s+)?(?:\S+\s+){0,2}?(?:ia|asistente|bot|chatbot|modelo)\b/u,
  /\b(?:prompt|mensaje|instrucciones)\s+del\s+sistema\b/u,
  /\b(?:revela|revele|muestra|muestre|repite|repita)\b[^.!?\n]{0,20}\b(?:tus|sus)\s+(?:instrucciones|reglas)\b/u,
  // Portuguese: "ignore as instruções anteriores", "esqueça todas as suas regras", "agora você é", "prompt do sistema".
  /\b(?:ignore|ignora|ignorar|esqueca|esquecer|desconsidere|desconsiderar)\b[^.!?\n]{0,30}\b(?:todas|suas|tuas)\b[^.!?\n]{0,20}\b(?:instrucoes|regras|orientacoes)\b/u,
  /\b(?:ignore|ignora|ignorar|esqueca|esquecer|desconsidere|desconsiderar)\b[^.!?\n]{0,30}\b(?:instrucoes|regras|orientacoes)\s+(?:anteriores|previas)\b/u,
  /\bagora\s+(?:voce|tu)\s+(?:e|es)\s+(?:(?:um|uma)\s+)?(?:\S+\s+){0,2}?(?:ia|assistente|bot|chatbot|modelo)\b/u,
  /\b(?:prompt|mensagem|instrucoes)\s+do\s+sistema\b/u,
  /\b(?:revele|mostre|repita)\b[^.!?\n]{0,20}\b(?:suas|tuas)\s+(?:instrucoes|regras)\b/u,
];

/** Whether a piece of text reads as instructions to an AI (a prompt injection), in en, es or pt. */
export function readsAsInstructionsToAnAi(text: string): boolean {
  const folded = foldWord(text).replace(/\s+/gu, " ");
  return instructionPatterns.some((pattern) => pattern.test(folded));
}
