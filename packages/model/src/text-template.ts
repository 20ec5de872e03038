/**
 * Text templates: `{{customer.name}}`, `{{conversation.<field>}}`,
 * `{{company.<field>}}`, `{{session.<field>}}` and `{{snippet.<name>}}`.
 * A placeholder with no value renders as nothing, so a customer never sees braces.
 */
export const templateRoots = ["customer", "conversation", "company", "session", "snippet"] as const;
export type TemplateRoot = (typeof templateRoots)[number];

export interface Placeholder {
  /** The text between the braces, trimmed. */
  expression: string;
  root: string;
  path: string;
  start: number;
  end: number;
}

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function findPlaceholders(template: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const match of template.matchAll(placeholderPattern)) {
    const expression = match[1] ?? "";
    const dot = expression.indexOf(".");
    found.push({
      expression,
      root: dot === -1 ? expression : expression.slice(0, dot),
      path: dot === -1 ? "" : expression.slice(dot + 1),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return found;
}

export function isKnownTemplateRoot(root: string): root is TemplateRoot {
  return (templateRoots as readonly string[]).includes(root);
}

export function renderTemplate(template: string, resolve: (root: string, path: string) => unknown): string {
  // Most messages have no placeholder; skipping the regular expression keeps a turn cheap.
  if (!template.includes("{{")) return template;
  return template.replace(placeholderPattern, (_whole, expression: string) => {
    const dot = expression.indexOf(".");
    if (dot === -1) return "";
    const value = resolve(expression.slice(0, dot), expression.slice(dot + 1));
    if (value === undefined || value === null) return "";
    if (Array.isArray(value)) return value.join(", ");
    return String(value);
  });
}
