-- migrate:up
ALTER TABLE tickets ADD COLUMN IF NOT EXISTS priority smallint NOT NULL DEFAULT 3;

-- migrate:down
ALTER TABLE tickets DROP COLUMN IF EXISTS priority;
