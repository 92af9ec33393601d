-- migrate:up
SET lock_timeout = '5s';
-- migsafe:ignore concurrent-index invoices holds under 500 rows; the SHARE lock lasts milliseconds
CREATE INDEX IF NOT EXISTS idx_invoices_issued_at ON invoices (issued_at);

-- migrate:down
SET lock_timeout = '5s';
-- migsafe:ignore concurrent-index same small table as the up
DROP INDEX IF EXISTS idx_invoices_issued_at;
