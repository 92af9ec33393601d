ALTER TABLE tickets ADD COLUMN IF NOT EXISTS sla_due_at timestamptz;
