-- Messaging channels (issue 15): SMS and WhatsApp through Twilio, Meta's WhatsApp Cloud API and
-- MessageBird. A connection is one business number (or sender) of one provider; conversations on it
-- belong to one customer address each, and every message Parley sends there has a delivery record.

CREATE TABLE channel_connections (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  -- The brand whose default assistant and rules apply; NULL: the organization's default brand.
  brand_id uuid REFERENCES brands (id) ON DELETE SET NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  provider text NOT NULL CHECK (provider IN ('twilio', 'meta', 'messagebird')),
  kind text NOT NULL CHECK (kind IN ('sms', 'whatsapp')),
  -- An E.164 phone number (Twilio), Meta's phone number id, or MessageBird's channel id.
  address text NOT NULL CHECK (length(address) BETWEEN 1 AND 128),
  -- The provider's credentials as one JSON object, sealed (credentials/credential-cipher.ts). Never
  -- returned by the API.
  credentials text NOT NULL,
  -- Where the provider's API answers: NULL for its public address, or a sandbox or simulator.
  api_base_url text CHECK (length(api_base_url) <= 2000),
  -- Meta: {whatsappTemplate: {name, language}}, sent outside the 24-hour customer-service window.
  settings jsonb NOT NULL DEFAULT '{}',
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX channel_connections_address ON channel_connections (organization_id, provider, kind, address);

-- Web chat conversations have a visitor token; messaging conversations have an address instead.
ALTER TABLE conversations ALTER COLUMN visitor_token_hash DROP NOT NULL;
ALTER TABLE conversations ADD COLUMN channel_connection_id uuid REFERENCES channel_connections (id) ON DELETE SET NULL;
-- The customer's address on the connection (an E.164 phone number, or the provider's contact id).
ALTER TABLE conversations ADD COLUMN customer_address text;
-- WhatsApp's customer-service window runs 24 hours from the customer's last message.
ALTER TABLE conversations ADD COLUMN last_customer_message_at timestamptz;
-- One open conversation per customer and number: a customer's next message continues it, and two
-- first messages arriving together cannot start two.
CREATE UNIQUE INDEX conversations_open_per_contact ON conversations (channel_connection_id, customer_address)
  WHERE status <> 'ended' AND channel_connection_id IS NOT NULL;

-- Provider message ids already taken, so a webhook delivered twice stores its message once, even
-- the first message of a conversation.
CREATE TABLE channel_inbound (
  connection_id uuid NOT NULL REFERENCES channel_connections (id) ON DELETE CASCADE,
  provider_message_id text NOT NULL,
  conversation_id uuid REFERENCES conversations (id) ON DELETE CASCADE,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection_id, provider_message_id)
);

-- One row per request to the provider: a message that needed several (a long text, a file and its
-- caption) has one part each. Written with the turn, sent by a job, updated by status callbacks.
CREATE TABLE message_deliveries (
  conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  sequence bigint NOT NULL,
  part integer NOT NULL,
  connection_id uuid REFERENCES channel_connections (id) ON DELETE SET NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'delivered', 'read', 'failed')),
  provider_message_id text,
  -- SMS: what the operator bills, in GSM-7 or UCS-2 segments.
  segments integer,
  summary text,
  error text CHECK (length(error) <= 2000),
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (conversation_id, sequence, part)
);
CREATE INDEX message_deliveries_provider_id ON message_deliveries (connection_id, provider_message_id)
  WHERE provider_message_id IS NOT NULL;
