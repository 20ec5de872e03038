-- Hardening of access (issue 13): emails per organization, who created a key, sign-in throttling.

-- An email is unique within its organization only. A global constraint let any organization's admin
-- learn whether an address had an account elsewhere (409 on creation); sign-in names the organization
-- instead (docs/decisions/2026-12-07-user-emails.md).
ALTER TABLE users DROP CONSTRAINT users_email_key;
ALTER TABLE users ADD CONSTRAINT users_organization_email_key UNIQUE (organization_id, email);

-- A key made with another key records it, so deleting a user revokes the keys made with the user's
-- keys too. Keys are only ever revoked, never deleted. Who made a key stays recorded after that user
-- is deleted (their keys are revoked then), so created_by no longer follows the users table.
ALTER TABLE api_keys DROP CONSTRAINT api_keys_created_by_fkey;
ALTER TABLE api_keys ADD COLUMN created_by_api_key uuid REFERENCES api_keys (id) ON DELETE SET NULL;
CREATE INDEX api_keys_created_by ON api_keys (created_by) WHERE created_by IS NOT NULL;
CREATE INDEX api_keys_created_by_api_key ON api_keys (created_by_api_key) WHERE created_by_api_key IS NOT NULL;

-- Failed sign-ins per account (email) and per client address, shared by every process. The key is a
-- SHA-256 of "account:<email>" or "address:<ip>", so the table keeps no addresses an attacker typed.
CREATE TABLE sign_in_throttles (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  locked_until timestamptz,
  -- When the failures are forgotten: a while after the last failure or the end of the lockout.
  expires_at timestamptz NOT NULL
);
CREATE INDEX sign_in_throttles_expiry ON sign_in_throttles (expires_at);
