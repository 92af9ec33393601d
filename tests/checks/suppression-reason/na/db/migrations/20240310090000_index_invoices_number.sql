-- migrate:up transaction:false
-- invoices is live: build the index without blocking writes
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_invoices_issued_at ON invoices (issued_at);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS idx_invoices_issued_at;
