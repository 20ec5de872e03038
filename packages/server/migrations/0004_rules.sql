-- Assistant rules (spec 06): which published assistant, and which of its dialogs,
-- a conversation starts with; and the default assistant of each brand and channel.

CREATE TABLE rules (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name text NOT NULL,
  -- Rules are tried in this order and the first match wins. The uniqueness is
  -- checked at commit so that a reorder can move every rule in one transaction.
  position integer NOT NULL CHECK (position >= 1),
  channel text NOT NULL
    CHECK (channel IN ('chat', 'whatsapp', 'sms', 'voice', 'twilio_whatsapp', 'messagebird_whatsapp')),
  -- NULL: conversations of every brand.
  brand_id uuid REFERENCES brands (id) ON DELETE CASCADE,
  assistant_id uuid NOT NULL REFERENCES assistants (id) ON DELETE CASCADE,
  -- NULL: the assistant's first dialog, Welcome.
  start_dialog_id text,
  proactive boolean NOT NULL DEFAULT false,
  -- {"match": "all" | "any", "conditions": [...]}, validated by the server.
  audience jsonb NOT NULL,
  phone_number text,
  whatsapp_id text,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT rules_position_unique UNIQUE (organization_id, position) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT rules_proactive_chat_only CHECK (NOT proactive OR channel = 'chat')
);
CREATE INDEX rules_assistant ON rules (assistant_id);
CREATE INDEX rules_brand ON rules (brand_id);

-- The assistant that runs when no rule matches. No row: no assistant runs.
CREATE TABLE default_assistants (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  brand_id uuid NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  channel text NOT NULL
    CHECK (channel IN ('chat', 'whatsapp', 'sms', 'voice', 'twilio_whatsapp', 'messagebird_whatsapp')),
  assistant_id uuid NOT NULL REFERENCES assistants (id) ON DELETE CASCADE,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, brand_id, channel)
);
CREATE INDEX default_assistants_assistant ON default_assistants (assistant_id);
CREATE INDEX default_assistants_brand ON default_assistants (brand_id);
