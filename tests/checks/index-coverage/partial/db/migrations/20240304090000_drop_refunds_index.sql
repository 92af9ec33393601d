-- migrate:up transaction:false
-- the only index on refunds.order_id goes away
DROP INDEX CONCURRENTLY IF EXISTS idx_refunds_order;

-- migrate:down transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_refunds_order ON refunds (order_id);
