-- Conversations (spec 01, 12): the engine state, the transcript, what happened
-- along the way, and the web chat credentials of brands.

-- A brand verifies customer JWTs from its web chat with one of these.
ALTER TABLE brands ADD COLUMN chat_jwt_secret text;
ALTER TABLE brands ADD COLUMN chat_jwt_public_key text;
-- What the widget shows for the brand: {consentText, accentColor, position}.
ALTER TABLE brands ADD COLUMN chat_settings jsonb NOT NULL DEFAULT '{}';

CREATE TABLE conversations (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  brand_id uuid REFERENCES brands (id) ON DELETE SET NULL,
  channel text NOT NULL
    CHECK (channel IN ('chat', 'whatsapp', 'sms', 'voice', 'twilio_whatsapp', 'messagebird_whatsapp')),
  -- NULL: no assistant runs; the conversation waits for an agent from the start.
  assistant_id uuid REFERENCES assistants (id) ON DELETE SET NULL,
  assistant_version integer,
  -- A preview runs a draft, kept here because drafts change; previews stay out of reports.
  preview boolean NOT NULL DEFAULT false,
  preview_definition jsonb,
  rule_id uuid,
  customer_id uuid REFERENCES customers (id) ON DELETE SET NULL,
  -- Web chat context: currentPage, previousPage, language, timeOnPage, userAgent.
  session jsonb NOT NULL DEFAULT '{}',
  language text NOT NULL,
  -- The engine's state (versioned JSON); NULL when no assistant runs.
  state jsonb,
  assistant_status text,
  -- open: the assistant or nobody yet; transferred: waiting for or with an agent; ended.
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'transferred', 'ended')),
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  routing jsonb,
  assigned_agent_id uuid REFERENCES users (id) ON DELETE SET NULL,
  -- Collected by the assistant: conversation attributes, and customer attributes of
  -- customers not linked to a record.
  attributes jsonb NOT NULL DEFAULT '{}',
  customer_attributes jsonb NOT NULL DEFAULT '{}',
  -- The last message sequence number used; sockets resume after any of them.
  last_sequence bigint NOT NULL DEFAULT 0,
  -- pg-boss job ids of the pending timers, by timer name, so a reschedule removes the old job.
  timer_jobs jsonb NOT NULL DEFAULT '{}',
  visitor_token_hash text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  transferred_at timestamptz,
  ended_at timestamptz
);
CREATE INDEX conversations_queue ON conversations (organization_id, status, team_id, transferred_at);
CREATE INDEX conversations_started ON conversations (organization_id, started_at DESC);
CREATE INDEX conversations_customer ON conversations (customer_id);

-- The transcript: every customer, assistant, agent and system message, in order.
CREATE TABLE conversation_messages (
  conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  sequence bigint NOT NULL,
  author text NOT NULL CHECK (author IN ('customer', 'assistant', 'agent', 'system')),
  -- The agent's user id; NULL for the others.
  author_id uuid,
  -- The message as the widget renders it: {kind: "text", text} and the other outbound kinds.
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (conversation_id, sequence)
);

-- Inbound events already processed, by the id their sender gave them, so a retry does nothing twice.
CREATE TABLE conversation_inbound (
  conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  key text NOT NULL,
  -- The sequence number the event's own message got, if it had one.
  sequence bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (conversation_id, key)
);

-- What happened besides messages, for the agent's timeline and for reports: transfers,
-- status changes, intents, feedback, follow-up choices, assignments, ratings.
CREATE TABLE conversation_activity (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  kind text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL
);
CREATE INDEX conversation_activity_conversation ON conversation_activity (conversation_id, id);

-- Satisfaction ratings (2-, 3- or 5-point scales), one per conversation.
CREATE TABLE conversation_ratings (
  conversation_id uuid PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
  scale smallint NOT NULL CHECK (scale IN (2, 3, 5)),
  value smallint NOT NULL CHECK (value >= 1 AND value <= scale),
  comment text,
  created_at timestamptz NOT NULL DEFAULT now()
);
