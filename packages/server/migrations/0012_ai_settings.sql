-- How an organization's AI responses are written (spec 07): which provider writes them, with its
-- endpoint and key, and AI profiles, the organization's own guidance on tone and format.

CREATE TABLE ai_profiles (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- Added to the model's system message after the fixed rules; it can shape tone and format only.
  instructions text NOT NULL DEFAULT '' CHECK (length(instructions) <= 4000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, id)
);
CREATE UNIQUE INDEX ai_profiles_name ON ai_profiles (organization_id, lower(name));

-- One row per organization that changed its settings; without one, answers are extractive.
CREATE TABLE ai_settings (
  organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  provider text NOT NULL CHECK (provider IN ('extractive', 'openai', 'openai-compatible')),
  base_url text CHECK (length(base_url) <= 2000),
  model text CHECK (length(model) <= 200),
  -- The provider's API key. Never returned by the API: only whether one is set and its end.
  api_key text CHECK (length(api_key) <= 1000),
  -- The origin (scheme, host, port) the key was given for: it is only ever sent there, so pointing
  -- the settings at another endpoint needs the key again.
  api_key_origin text,
  temperature double precision,
  max_output_tokens integer,
  timeout_ms integer,
  -- The AI profile of answers whose interaction and assistant name none.
  default_profile_id uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, default_profile_id) REFERENCES ai_profiles (organization_id, id)
);
