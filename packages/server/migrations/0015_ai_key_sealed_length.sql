-- The API key is stored sealed (credentials/credential-cipher.ts): "sealed:v1:" and the base64url of a
-- 12-byte nonce, the key's UTF-8 bytes and a 16-byte tag. The 1,000 characters the API accepts are at
-- most 3,000 bytes (3 per UTF-16 unit), which seal to 10 + ceil(4 × 3,028 / 3) = 4,048 characters; the
-- check of 0012 counted the plain key, so a key over about 714 bytes failed the insert.
ALTER TABLE ai_settings DROP CONSTRAINT ai_settings_api_key_check;
ALTER TABLE ai_settings ADD CONSTRAINT ai_settings_api_key_check CHECK (length(api_key) <= 4048);
