-- migrate:up
SET lock_timeout = '5s';
-- migsafe:ignore concurrent-index
CREATE INDEX IF NOT EXISTS idx_invoices_issued_at ON invoices (issued_at);

-- migrate:down
SET lock_timeout = '5s';
-- migsafe:ignore concurrent-idx the table is small
DROP INDEX IF EXISTS idx_invoices_issued_at;
