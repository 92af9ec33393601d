-- migrate:up
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_placed_at ON orders (placed_at);

-- migrate:down
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_placed_at;
