-- migrate:up
ALTER TABLE tickets ADD COLUMN IF NOT EXISTS sla_due_at timestamptz;
CREATE INDEX IF NOT EXISTS idx_tickets_status ON tickets (status);
ALTER TABLE tickets ADD CONSTRAINT tickets_status_check
  CHECK (status IN ('open', 'pending', 'solved', 'closed')) NOT VALID;

-- migrate:down
ALTER TABLE tickets DROP CONSTRAINT IF EXISTS tickets_status_check;
DROP INDEX IF EXISTS idx_tickets_status;
ALTER TABLE tickets DROP COLUMN IF EXISTS sla_due_at;
