-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_status ON orders (status);
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_created ON orders (created_at);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_created;
