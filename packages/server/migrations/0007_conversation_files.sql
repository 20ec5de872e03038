-- Files customers attach in web chat. The id is a random capability: whoever has the
-- link (the customer, agents, a help desk receiving a webhook) can read the file.
CREATE TABLE conversation_files (
  id text PRIMARY KEY,
  conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  name text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL,
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_files_conversation ON conversation_files (conversation_id);
