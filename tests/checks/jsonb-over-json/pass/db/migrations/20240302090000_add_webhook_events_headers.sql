-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE webhook_events ADD COLUMN IF NOT EXISTS headers jsonb NOT NULL DEFAULT '{}';

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE webhook_events DROP COLUMN IF EXISTS headers;
