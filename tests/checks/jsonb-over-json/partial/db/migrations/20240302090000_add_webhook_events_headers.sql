-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE webhook_events ADD COLUMN IF NOT EXISTS headers jsonb NOT NULL DEFAULT '{}';
ALTER TABLE webhook_events ADD COLUMN IF NOT EXISTS raw_signature json;

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE webhook_events DROP COLUMN IF EXISTS raw_signature;
ALTER TABLE webhook_events DROP COLUMN IF EXISTS headers;
