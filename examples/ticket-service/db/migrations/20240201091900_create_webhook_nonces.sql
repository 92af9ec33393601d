-- Nonces of received webhooks, to reject replays. A system table (no tenant_id).
-- migrate:up
CREATE TABLE IF NOT EXISTS webhook_nonces (
  nonce text PRIMARY KEY,
  endpoint text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_webhook_nonces_expires ON webhook_nonces (expires_at);

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP TABLE IF EXISTS webhook_nonces;
