-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_refunds_order_id ON refunds (order_id);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS idx_refunds_order_id;
