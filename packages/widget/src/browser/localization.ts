/** The widget's own words; what the assistant says comes from the server in the conversation's language. */
export interface WidgetStrings {
  openChat: string;
  closeChat: string;
  chat: string;
  conversation: string;
  send: string;
  typeMessage: string;
  bot: string;
  agent: string;
  you: string;
  /** `{name}` is the assistant's public name or the agent's name. */
  typing: string;
  conversationEnded: string;
  startNew: string;
  tooManyMessages: string;
  tooLong: string;
  sendFailed: string;
  unavailable: string;
  reconnecting: string;
  dismiss: string;
  newMessage: string;
  /** `{count}` is the number of messages that arrived while the window was closed. */
  unread: string;
  sources: string;
  opensInNewTab: string;
  attachment: string;
  attachFile: string;
  /** `{name}` is the file's name. */
  uploading: string;
  fileTypeNotAccepted: string;
  fileTooLarge: string;
  fileEmpty: string;
  fileUnreadable: string;
  tooManyFiles: string;
  uploadFailed: string;
  /** System events the widget knows, in the visitor's language rather than the server's English. */
  transferred: string;
}

const english: WidgetStrings = {
  openChat: "Open chat",
  closeChat: "Close chat",
  chat: "Chat",
  conversation: "Conversation",
  send: "Send",
  typeMessage: "Type a message",
  bot: "Bot",
  agent: "Agent",
  you: "You",
  typing: "{name} is typing…",
  conversationEnded: "This conversation has ended.",
  startNew: "Start a new conversation",
  tooManyMessages: "You're sending messages too quickly. Please wait a moment and try again.",
  tooLong: "That message is too long. Please keep it under 4,096 characters.",
  sendFailed: "We couldn't send your message. Please check your connection and try again.",
  unavailable: "The chat is unavailable right now. Please try again later.",
  reconnecting: "Reconnecting…",
  dismiss: "Dismiss",
  newMessage: "New message",
  unread: "{count} unread",
  sources: "Sources",
  opensInNewTab: "(opens in a new tab)",
  attachment: "Attachment",
  attachFile: "Attach file",
  uploading: "Uploading {name}…",
  fileTypeNotAccepted: "You can attach images (PNG, JPEG, GIF, WebP), PDFs and text files.",
  fileTooLarge: "That file is too large. Files can be up to 10 MB.",
  fileEmpty: "That file is empty.",
  fileUnreadable: "That file couldn't be read as an image, PDF or text file.",
  tooManyFiles: "This conversation has reached its limit of files.",
  uploadFailed: "We couldn't upload your file. Please check your connection and try again.",
  transferred: "Transferred to an agent",
};

const spanish: WidgetStrings = {
  openChat: "Abrir chat",
  closeChat: "Cerrar chat",
  chat: "Chat",
  conversation: "Conversación",
  send: "Enviar",
  typeMessage: "Escribe un mensaje",
  bot: "Bot",
  agent: "Agente",
  you: "Tú",
  typing: "{name} está escribiendo…",
  conversationEnded: "Esta conversación ha terminado.",
  startNew: "Iniciar una nueva conversación",
  tooManyMessages: "Estás enviando mensajes demasiado rápido. Espera un momento y vuelve a intentarlo.",
  tooLong: "Ese mensaje es demasiado largo. Escribe menos de 4096 caracteres.",
  sendFailed: "No pudimos enviar tu mensaje. Comprueba tu conexión y vuelve a intentarlo.",
  unavailable: "El chat no está disponible en este momento. Inténtalo más tarde.",
  reconnecting: "Reconectando…",
  dismiss: "Descartar",
  newMessage: "Mensaje nuevo",
  unread: "{count} sin leer",
  sources: "Fuentes",
  opensInNewTab: "(se abre en una pestaña nueva)",
  attachment: "Archivo adjunto",
  attachFile: "Adjuntar archivo",
  uploading: "Subiendo {name}…",
  fileTypeNotAccepted: "Puedes adjuntar imágenes (PNG, JPEG, GIF, WebP), archivos PDF y de texto.",
  fileTooLarge: "Ese archivo es demasiado grande. El máximo es 10 MB.",
  fileEmpty: "Ese archivo está vacío.",
  fileUnreadable: "No pudimos leer ese archivo como imagen, PDF o texto.",
  tooManyFiles: "Esta conversación ha alcanzado su límite de archivos.",
  uploadFailed: "No pudimos subir tu archivo. Comprueba tu conexión y vuelve a intentarlo.",
  transferred: "Transferido a un agente",
};

const portuguese: WidgetStrings = {
  openChat: "Abrir chat",
  closeChat: "Fechar chat",
  chat: "Chat",
  conversation: "Conversa",
  send: "Enviar",
  typeMessage: "Digite uma mensagem",
  bot: "Bot",
  agent: "Agente",
  you: "Você",
  typing: "{name} está digitando…",
  conversationEnded: "Esta conversa foi encerrada.",
  startNew: "Iniciar uma nova conversa",
  tooManyMessages: "Você está enviando mensagens rápido demais. Aguarde um momento e tente novamente.",
  tooLong: "Essa mensagem é longa demais. Escreva menos de 4096 caracteres.",
  sendFailed: "Não foi possível enviar sua mensagem. Verifique sua conexão e tente novamente.",
  unavailable: "O chat não está disponível no momento. Tente novamente mais tarde.",
  reconnecting: "Reconectando…",
  dismiss: "Dispensar",
  newMessage: "Nova mensagem",
  unread: "{count} não lidas",
  sources: "Fontes",
  opensInNewTab: "(abre em uma nova aba)",
  attachment: "Anexo",
  attachFile: "Anexar arquivo",
  uploading: "Enviando {name}…",
  fileTypeNotAccepted: "Você pode anexar imagens (PNG, JPEG, GIF, WebP), PDFs e arquivos de texto.",
  fileTooLarge: "Esse arquivo é grande demais. O máximo é 10 MB.",
  fileEmpty: "Esse arquivo está vazio.",
  fileUnreadable: "Não foi possível ler esse arquivo como imagem, PDF ou texto.",
  tooManyFiles: "Esta conversa atingiu o limite de arquivos.",
  uploadFailed: "Não foi possível enviar seu arquivo. Verifique sua conexão e tente novamente.",
  transferred: "Transferido para um agente",
};

export const widgetStrings = { en: english, es: spanish, pt: portuguese } as const;
export type WidgetLanguage = keyof typeof widgetStrings;
const supportedLanguages = Object.keys(widgetStrings) as WidgetLanguage[];

/**
 * The first of the visitor's preferred languages the widget speaks, matched
 * on the primary subtag ("pt-BR" is pt); English when none is.
 */
export function chooseLanguage(preferred: readonly string[]): WidgetLanguage {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
    const match = supportedLanguages.find((language) => language === primary);
    if (match) return match;
  }
  return "en";
}

/** Fills `{name}`-style placeholders; a placeholder without a value stays visible rather than vanishing. */
export function fillPlaceholders(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    values[key] === undefined ? whole : String(values[key]),
  );
}
