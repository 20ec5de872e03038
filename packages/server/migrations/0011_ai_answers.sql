-- Answers the AI response interaction gave (spec 07), with the customer's feedback on each:
-- managers see which questions were answered from which articles and whether that helped.

CREATE TABLE ai_answers (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  -- The effect's request id: a job run twice (a crash before its result was stored) writes one row.
  request_id text NOT NULL,
  knowledge_base_id text NOT NULL,
  question text NOT NULL CHECK (length(question) <= 2000),
  language text NOT NULL,
  found boolean NOT NULL,
  answer text NOT NULL CHECK (length(answer) <= 20000),
  -- [{"articleId", "title", "url"}]: the articles the answer quoted or cited.
  citations jsonb NOT NULL DEFAULT '[]',
  -- "extractive", or the language model's id.
  provider text NOT NULL,
  feedback text CHECK (feedback IN ('positive', 'neutral', 'negative')),
  feedback_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (conversation_id, request_id)
);

CREATE INDEX ai_answers_organization_created ON ai_answers (organization_id, created_at DESC);
