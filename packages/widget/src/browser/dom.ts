type Child = Node | string | null | undefined | false;

/**
 * Builds an element. Text always goes in as text nodes, never as HTML:
 * everything shown comes from assistants, agents and customers.
 */
export function element<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  attributes: Record<string, string | boolean | undefined> | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[Tag] {
  const node = document.createElement(tag);
  if (attributes) {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === false) continue;
      node.setAttribute(name, value === true ? "" : value);
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/** Text for screen readers only. */
export function screenReaderText(text: string): HTMLSpanElement {
  return element("span", { class: "sr-only" }, text);
}

/** Our own constant icons; the one place markup is parsed, and never with message content. */
export function icon(svgMarkup: string): HTMLSpanElement {
  const holder = element("span", { class: "icon", "aria-hidden": "true" });
  holder.innerHTML = svgMarkup;
  return holder;
}

export const chatIcon =
  '<svg viewBox="0 0 24 24" width="26" height="26" fill="currentColor"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
export const closeIcon =
  '<svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"><path d="M6 6l12 12M18 6L6 18"/></svg>';
export const sendIcon =
  '<svg viewBox="0 0 24 24" width="20" height="20" fill="currentColor"><path d="M3 20l18-8L3 4v6l12 2-12 2z"/></svg>';
export const attachIcon =
  '<svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path transform="rotate(45 12 12)" d="M16 6v10a4 4 0 0 1-8 0V5a3 3 0 0 1 6 0v10a1.5 1.5 0 0 1-3 0V7"/></svg>';
export const fileIcon =
  '<svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"><path d="M6 3h8l5 5v13H6zM14 3v5h5"/></svg>';
