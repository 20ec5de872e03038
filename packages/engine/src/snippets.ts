/** The snippet's value in the conversation's language, else its base language, else the assistant's default. */
export function resolveSnippet(
  snippets: Record<string, Record<string, string>> | undefined,
  name: string,
  language: string,
  defaultLanguage: string,
): string | undefined {
  const values = snippets?.[name];
  if (!values) return undefined;
  const base = language.split("-")[0] ?? language;
  return values[language] ?? values[base] ?? values[defaultLanguage] ?? Object.values(values)[0];
}
