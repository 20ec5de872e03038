import { chooseLanguage, type WidgetLanguage } from "./localization.ts";

/** A conversation the page started on the server, which the widget joins instead of starting one. */
export interface AttachedConversation {
  conversationId: string;
  visitorToken: string;
}

/** What the embedding page says through the script tag. */
export interface WidgetOptions {
  /** Null only with an attached conversation: there is then no brand to start or style from. */
  brandId: string | null;
  /** The Parley server: wherever widget.js was loaded from. */
  origin: string;
  /** `data-consent`: replaces the brand's consent text; an empty value hides it. */
  consentText: string | null;
  /** `data-language` when given, otherwise the browser's languages. */
  language: WidgetLanguage;
  /**
   * `data-conversation` with `data-visitor-token`: the console's preview starts a conversation with
   * an assistant's draft and shows it in the real widget. The page owns that conversation: the
   * widget neither stores it nor starts another (it emits `restart` instead).
   */
  conversation: AttachedConversation | null;
}

/** The part of a script element that is read, so tests can pass a plain object. */
export interface ScriptTag {
  src: string;
  getAttribute(name: string): string | null;
}

export function widgetOptions(script: ScriptTag, browserLanguages: readonly string[]): WidgetOptions | null {
  const brandId = script.getAttribute("data-brand")?.trim() || null;
  const conversationId = script.getAttribute("data-conversation")?.trim();
  const visitorToken = script.getAttribute("data-visitor-token")?.trim();
  const conversation = conversationId && visitorToken ? { conversationId, visitorToken } : null;
  if (!brandId && !conversation) return null;
  let origin: string;
  try {
    origin = new URL(script.src).origin;
  } catch {
    return null;
  }
  if (origin === "null") return null;
  const language = script.getAttribute("data-language");
  return {
    brandId,
    origin,
    consentText: script.getAttribute("data-consent"),
    language: chooseLanguage(language ? [language, ...browserLanguages] : browserLanguages),
    conversation,
  };
}

/**
 * The widget's own script tag. `currentScript` is set while a classic script
 * runs, async included; the query covers loaders that inject the script
 * another way.
 */
export function findScriptTag(document: Document): HTMLScriptElement | null {
  const current = document.currentScript;
  if (
    current instanceof HTMLScriptElement &&
    (current.hasAttribute("data-brand") || current.hasAttribute("data-conversation"))
  ) {
    return current;
  }
  return (
    document.querySelector<HTMLScriptElement>('script[data-brand][src*="widget"]') ??
    document.querySelector<HTMLScriptElement>("script[data-brand][src]") ??
    document.querySelector<HTMLScriptElement>("script[data-conversation][src]")
  );
}
