-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_payouts_status ON payouts (status);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS idx_payouts_status;
