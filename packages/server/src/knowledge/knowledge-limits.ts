/**
 * The limits of knowledge bases and articles. Going over one answers 400 when the request's schema
 * can tell (a title too long), otherwise 422 naming the field and the limit (the body's length, the
 * articles of a knowledge base), as with the other limits of the API.
 */
export const knowledgeLimits = {
  knowledgeBasesPerOrganization: 100,
  nameLength: 120,
  publicUrlLength: 2000,
  titleLength: 300,
  /** Characters (UTF-16 code units, as JavaScript and the database count them). */
  bodyLength: 200_000,
  categoriesPerArticle: 10,
  categoryLength: 60,
  slugLength: 120,
  articlesPerKnowledgeBase: 20_000,
  articlesPerImport: 500,
} as const;

/**
 * Request bodies larger than the default 256 KiB: an article of 200,000 characters takes up to
 * 600 KB as UTF-8, more with JSON escapes; an import carries up to 500 articles, so clients split
 * large imports by size as well as by count.
 */
export const articleBodyLimitBytes = 1024 * 1024;
export const importBodyLimitBytes = 10 * 1024 * 1024;
