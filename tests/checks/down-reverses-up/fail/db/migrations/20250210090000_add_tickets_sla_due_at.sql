-- migrate:up
ALTER TABLE tickets ADD COLUMN IF NOT EXISTS sla_due_at timestamptz;
CREATE INDEX IF NOT EXISTS idx_tickets_status ON tickets (status);

-- migrate:down
ALTER TABLE tickets DROP COLUMN IF EXISTS sla_due_at;
