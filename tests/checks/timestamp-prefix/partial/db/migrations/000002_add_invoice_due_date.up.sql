ALTER TABLE invoices ADD COLUMN IF NOT EXISTS due_at timestamptz;
