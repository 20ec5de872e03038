-- Custom intents (spec 18): what an organization adds to the predefined intents of spec 08,
-- which live in the code (@parley/nlu/predefined). One model per organization is trained from
-- both, so custom and predefined intents compete for every text.

CREATE TABLE intents (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  -- What assistants map to a dialog (IntentMapping in packages/model/src/assistant.ts). The API
  -- refuses the predefined intents' names, which are not stored here.
  name text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
  -- Training phrases, in English (spec 18).
  phrases jsonb NOT NULL DEFAULT '[]',
  -- Keywords by language tag: {"en": ["flavor", "taste"], "es": ["sabor"]}.
  keywords jsonb NOT NULL DEFAULT '{}',
  -- Every save adds one. A training job marks an intent trained only at the revision it read,
  -- so an intent saved while the job ran stays `training` until the next job.
  revision integer NOT NULL DEFAULT 1,
  -- untrained: saved without a training queued (the API always queues one, so only rows written
  -- by other means); training: a job will train it; trained: the model has this revision; failed.
  training_status text NOT NULL DEFAULT 'untrained'
    CHECK (training_status IN ('untrained', 'training', 'trained', 'failed')),
  training_error text CHECK (length(training_error) <= 1000),
  trained_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, name)
);

-- The model trained from the predefined intents and the organization's custom ones. No row:
-- the organization has no custom intents, and turns use the predefined model every process keeps.
CREATE TABLE intent_models (
  organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  -- The IntentModel of @parley/nlu, as serializeModel writes it (a few MB with the predefined intents).
  model jsonb NOT NULL,
  -- A hash of what the model was trained from (every definition and the model version): turns
  -- compare it to know when to load the model again, and the training job to skip training the
  -- same definitions twice.
  trained_from text NOT NULL,
  -- The quality review (reviewIntents) of the same definitions: warnings that involve a custom intent.
  warnings jsonb NOT NULL DEFAULT '[]',
  trained_at timestamptz NOT NULL DEFAULT now()
);
