-- Outbound webhooks: an organization's subscriptions to conversation events, and the
-- log of every delivery with each of its attempts.

CREATE TABLE webhook_subscriptions (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  url text NOT NULL CHECK (url ~* '^https?://' AND length(url) <= 2048),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
  -- The conversation event types it receives; test pings go to every subscription.
  event_types text[] NOT NULL CHECK (cardinality(event_types) >= 1),
  -- Kept as they are, unlike API keys (hashed): signing needs the secret itself.
  secret text NOT NULL,
  -- After a rotation, deliveries are signed with the previous secret too until it expires,
  -- so a receiver can switch secrets without refusing any delivery.
  previous_secret text,
  previous_secret_expires_at timestamptz,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Every conversation turn reads an organization's subscriptions through this.
CREATE INDEX webhook_subscriptions_organization ON webhook_subscriptions (organization_id);

CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY,
  -- The order deliveries were queued in, newest first in the log. Several are queued in
  -- one transaction, where created_at is the same for all of them.
  sequence bigint GENERATED ALWAYS AS IDENTITY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  -- Deleting a subscription deletes its log, and so stops its pending deliveries.
  subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  -- One event sent to several subscriptions has one event id and a delivery per subscription.
  event_id uuid NOT NULL,
  event_type text NOT NULL,
  -- No foreign key: the log outlives the conversation.
  conversation_id uuid,
  -- The body without its signature: {id, type, createdAt, organizationId, conversationId, data}.
  payload jsonb NOT NULL,
  -- cancelled: the subscription was disabled before the delivery succeeded.
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'succeeded', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_response_status integer,
  last_error text CHECK (length(last_error) <= 1000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, sequence DESC);
CREATE INDEX webhook_deliveries_subscription_status
  ON webhook_deliveries (subscription_id, status, sequence DESC);

-- Each POST of a delivery, for the log: what was sent where, and what came back.
CREATE TABLE webhook_delivery_attempts (
  delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number >= 1),
  -- The subscription's URL at the time: it may have changed between attempts.
  url text NOT NULL,
  started_at timestamptz NOT NULL,
  duration_milliseconds integer NOT NULL CHECK (duration_milliseconds >= 0),
  -- NULL when no response came (connection refused, timeout).
  response_status integer,
  -- The start of the response body, for the receiver's own error message.
  response_body text CHECK (length(response_body) <= 1024),
  error text CHECK (length(error) <= 1000),
  PRIMARY KEY (delivery_id, number)
);
