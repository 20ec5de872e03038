-- Knowledge bases and their articles (spec 04, article deflection; spec 07, AI response). A
-- knowledge base belongs to a brand; customers only ever see its published public articles, in
-- their own language.

-- Knowledge bases point at their brand with an (organization_id, id) pair, so the database itself
-- refuses a brand of another organization; that needs a unique index to refer to.
CREATE UNIQUE INDEX brands_organization_id ON brands (organization_id, id);

CREATE TABLE knowledge_bases (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  -- NULL only once the brand is deleted: the articles are worth more than the link, so they stay
  -- until someone gives the knowledge base another brand or deletes it.
  brand_id uuid,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  -- A BCP 47 tag, lower-case (pt-br), so tags compare as plain strings.
  default_language text NOT NULL CHECK (default_language ~ '^[a-z]{2,3}(-[a-z0-9]{2,8})*$'),
  -- The public help center, when it lives elsewhere: article links are <public_url>/articles/<slug>.
  -- NULL: links go to the server's own page, /help/<id>/articles/<slug>.
  public_url text CHECK (length(public_url) <= 2000),
  -- Every change to the knowledge base or any of its articles adds one, so processes that keep a
  -- search index in memory can tell theirs is stale by reading one integer.
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, id),
  FOREIGN KEY (organization_id, brand_id) REFERENCES brands (organization_id, id)
    ON DELETE SET NULL (brand_id)
);
CREATE UNIQUE INDEX knowledge_bases_name ON knowledge_bases (organization_id, lower(name));

CREATE TABLE knowledge_base_articles (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  knowledge_base_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
  language text NOT NULL CHECK (language ~ '^[a-z]{2,3}(-[a-z0-9]{2,8})*$'),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'internal')),
  body_format text NOT NULL DEFAULT 'markdown' CHECK (body_format IN ('markdown', 'html')),
  -- As written for Markdown; already sanitized for HTML. Never served as it is.
  body text NOT NULL CHECK (length(body) <= 200000),
  -- The body rendered (Markdown) and sanitized: what the public page shows.
  html text NOT NULL,
  -- Plain text of the html, paragraphs separated by blank lines: what search and answers read.
  text text NOT NULL,
  -- An array of category names.
  categories jsonb NOT NULL DEFAULT '[]',
  -- When the article was first published; unpublishing keeps it.
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, knowledge_base_id) REFERENCES knowledge_bases (organization_id, id)
    ON DELETE CASCADE,
  UNIQUE (knowledge_base_id, language, slug)
);
-- The lists' filters, and what answers read: the published public articles in one language.
CREATE INDEX knowledge_base_articles_filter
  ON knowledge_base_articles (organization_id, knowledge_base_id, status, visibility, language);
CREATE INDEX knowledge_base_articles_title ON knowledge_base_articles (knowledge_base_id, title, id);
