import { chooseLanguage, type WidgetLanguage } from "./localization.ts";

/** What the embedding page says through the script tag. */
export interface WidgetOptions {
  brandId: string;
  /** The Parley server: wherever widget.js was loaded from. */
  origin: string;
  /** `data-consent`: replaces the brand's consent text; an empty value hides it. */
  consentText: string | null;
  /** `data-language` when given, otherwise the browser's languages. */
  language: WidgetLanguage;
}

/** The part of a script element that is read, so tests can pass a plain object. */
export interface ScriptTag {
  src: string;
  getAttribute(name: string): string | null;
}

export function widgetOptions(script: ScriptTag, browserLanguages: readonly string[]): WidgetOptions | null {
  const brandId = script.getAttribute("data-brand")?.trim();
  if (!brandId) return null;
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
  };
}

/**
 * The widget's own script tag. `currentScript` is set while a classic script
 * runs, async included; the query covers loaders that inject the script
 * another way.
 */
export function findScriptTag(document: Document): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.hasAttribute("data-brand")) return current;
  return (
    document.querySelector<HTMLScriptElement>('script[data-brand][src*="widget"]') ??
    document.querySelector<HTMLScriptElement>("script[data-brand][src]")
  );
}
