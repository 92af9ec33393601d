-- migrate:up transaction:false
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_created_id ON orders (created_at, id);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_created_id;
