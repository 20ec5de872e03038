/**
 * The few sentences the engine itself says (everything else comes from the
 * assistant). Kept per language so a Spanish conversation never gets English
 * system text.
 */
const phrases = {
  en: {
    chooseOption: "Please choose one of the options.",
    chooseByNumber: "Reply with the number of your choice.",
    handover: "Let me connect you with someone from our team.",
    yes: "Yes",
    no: "No",
    helpful: "Yes, thanks",
    notHelpful: "Not really",
    emojiNeutral: "It was OK",
    followUpEmail: "Email",
    followUpPhone: "Phone call",
    followUpSms: "SMS",
    followUpWhatsapp: "WhatsApp",
    followUpWait: "I'll wait",
    askEmail: "What email address should we use?",
    askPhone: "What phone number should we use? Please include the country code, for example +19171234567.",
    invalidEmail: "That doesn't look like an email address. Please try again.",
    invalidPhone: "Please send the number with its country code, for example +19171234567.",
    followUpConfirmed: "Thank you. We'll follow up with you at {contact}.",
    waitConfirmed: "Thanks for waiting. An agent will be with you as soon as possible.",
    chooseLanguage: "Please choose a language.",
  },
  es: {
    chooseOption: "Por favor, elige una de las opciones.",
    chooseByNumber: "Responde con el número de tu opción.",
    handover: "Te comunico con una persona de nuestro equipo.",
    yes: "Sí",
    no: "No",
    helpful: "Sí, gracias",
    notHelpful: "No mucho",
    emojiNeutral: "Regular",
    followUpEmail: "Correo electrónico",
    followUpPhone: "Llamada",
    followUpSms: "SMS",
    followUpWhatsapp: "WhatsApp",
    followUpWait: "Prefiero esperar",
    askEmail: "¿A qué correo electrónico te escribimos?",
    askPhone: "¿A qué número te contactamos? Incluye el código de país, por ejemplo +34911234567.",
    invalidEmail: "Eso no parece un correo electrónico. Inténtalo de nuevo.",
    invalidPhone: "Envía el número con el código de país, por ejemplo +34911234567.",
    followUpConfirmed: "Gracias. Te contactaremos en {contact}.",
    waitConfirmed: "Gracias por esperar. Un agente te atenderá lo antes posible.",
    chooseLanguage: "Elige un idioma, por favor.",
  },
  pt: {
    chooseOption: "Por favor, escolha uma das opções.",
    chooseByNumber: "Responda com o número da sua escolha.",
    handover: "Vou transferir você para alguém da nossa equipe.",
    yes: "Sim",
    no: "Não",
    helpful: "Sim, obrigado",
    notHelpful: "Não muito",
    emojiNeutral: "Mais ou menos",
    followUpEmail: "E-mail",
    followUpPhone: "Ligação",
    followUpSms: "SMS",
    followUpWhatsapp: "WhatsApp",
    followUpWait: "Vou aguardar",
    askEmail: "Qual e-mail devemos usar?",
    askPhone: "Qual número devemos usar? Inclua o código do país, por exemplo +5511912345678.",
    invalidEmail: "Isso não parece um e-mail. Tente novamente.",
    invalidPhone: "Envie o número com o código do país, por exemplo +5511912345678.",
    followUpConfirmed: "Obrigado. Entraremos em contato em {contact}.",
    waitConfirmed: "Obrigado por aguardar. Um agente vai atender você assim que possível.",
    chooseLanguage: "Escolha um idioma, por favor.",
  },
} as const;

export type PhraseName = keyof (typeof phrases)["en"];

export function phrase(language: string, name: PhraseName, values: Record<string, string> = {}): string {
  const base = language.toLowerCase().split("-")[0] as keyof typeof phrases;
  const table = phrases[base] ?? phrases.en;
  return table[name].replace(/\{(\w+)\}/g, (_whole, key: string) => values[key] ?? "");
}
