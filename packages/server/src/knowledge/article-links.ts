/** What an article's link depends on, from its knowledge base. */
export interface LinkedKnowledgeBase {
  id: string;
  publicUrl: string | null;
  defaultLanguage: string;
}

/** The path of the server's own page for an article (help-page-routes.ts). */
export function helpPagePath(knowledgeBaseId: string, slug: string, language: string | null): string {
  const path = `/help/${knowledgeBaseId}/articles/${slug}`;
  return language === null ? path : `${path}?language=${encodeURIComponent(language)}`;
}

/**
 * Where customers read an article: on the knowledge base's public help center when it has one,
 * else on this server's page, as a path unless the caller knows the server's public address
 * (`serverUrl`). The page's language is named only when it is not the knowledge base's default,
 * so the common link stays short.
 */
export function articleUrl(
  knowledgeBase: LinkedKnowledgeBase,
  article: { slug: string; language: string },
  serverUrl?: string,
): string {
  if (knowledgeBase.publicUrl !== null) return `${knowledgeBase.publicUrl}/articles/${article.slug}`;
  const language = article.language === knowledgeBase.defaultLanguage ? null : article.language;
  const path = helpPagePath(knowledgeBase.id, article.slug, language);
  return serverUrl === undefined ? path : `${serverUrl.replace(/\/+$/, "")}${path}`;
}
