/**
 * The server's own page for a published public article: what article deflection and AI answers
 * link to when the knowledge base has no public help center of its own. Self-contained (no script,
 * no external style sheet), so the Content-Security-Policy can forbid everything but images.
 */
export const helpPageSecurityPolicy =
  "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character] ?? character,
  );
}

const style = `body{margin:0;font:17px/1.6 system-ui,sans-serif;color:#1f2937;background:#fff}
header{border-bottom:1px solid #e5e7eb;padding:14px 24px;color:#475569;font-size:15px}
main{max-width:760px;margin:0 auto;padding:24px}
h1{font-size:30px;line-height:1.25;margin:8px 0 4px}
.updated{color:#64748b;font-size:14px;margin:0 0 24px}
img{max-width:100%;height:auto}
pre{overflow:auto;background:#f1f5f9;padding:12px;border-radius:6px}
code{font-family:ui-monospace,monospace;font-size:.9em}
blockquote{margin:0;padding-left:16px;border-left:4px solid #cbd5e1;color:#475569}
table{border-collapse:collapse}th,td{border:1px solid #cbd5e1;padding:6px 10px;text-align:left}
a{color:#1d4ed8}`;

function page(language: string, title: string, content: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
${content}
</body>
</html>
`;
}

export interface HelpPageArticle {
  title: string;
  /** Sanitized when the article was saved (html-sanitizing.ts): inserted as it is. */
  html: string;
  language: string;
  updatedAt: Date;
}

export function helpPage(knowledgeBaseName: string, article: HelpPageArticle): string {
  const updated = article.updatedAt.toISOString().slice(0, 10);
  return page(
    article.language,
    `${article.title} · ${knowledgeBaseName}`,
    `<header>${escapeHtml(knowledgeBaseName)}</header>
<main>
<article>
<h1>${escapeHtml(article.title)}</h1>
<p class="updated">Updated <time datetime="${updated}">${updated}</time></p>
${article.html}
</article>
</main>`,
  );
}

export function helpPageNotFound(): string {
  return page(
    "en",
    "Article not found",
    `<main><h1>Article not found</h1><p>This article does not exist or is not published.</p></main>`,
  );
}
