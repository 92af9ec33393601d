-- migrate:up
ALTER TABLE webhook_endpoints ADD COLUMN IF NOT EXISTS event_types text[] NOT NULL DEFAULT '{}';

-- migrate:down
ALTER TABLE webhook_endpoints DROP COLUMN IF EXISTS event_types;
