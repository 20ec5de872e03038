-- Assistants: one editable draft each, and the immutable versions published from it.

CREATE TABLE assistants (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  -- What the widget and spec 16 (`GET /v1/assistants?publicId=`) use; unique across organizations.
  public_id text NOT NULL UNIQUE,
  -- Copies of the draft's fields, kept in step with it, so lists and searches never read the definition.
  internal_name text NOT NULL,
  description text NOT NULL DEFAULT '',
  public_name text NOT NULL DEFAULT '',
  channel text NOT NULL,
  type text NOT NULL,
  -- The whole definition, always accepted by the schema (semantic problems are allowed in a draft).
  draft jsonb NOT NULL,
  -- The draft's ETag: every save adds one, and `If-Match` compares against it.
  draft_revision integer NOT NULL DEFAULT 1,
  -- The version conversations use; NULL while the assistant is a draft (not published, or unpublished).
  live_version integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Lists are per organization, ordered by name (case-insensitive), then id for a stable cursor.
CREATE INDEX assistants_organization_name ON assistants (organization_id, lower(internal_name), id);

CREATE TABLE assistant_versions (
  assistant_id uuid NOT NULL REFERENCES assistants (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version > 0),
  definition jsonb NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  -- The user or API key that published; not a foreign key, so the history outlives them.
  published_by text,
  PRIMARY KEY (assistant_id, version)
);
