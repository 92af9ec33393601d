-- migrate:up
SET lock_timeout = '5s';
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'idx_orders_placed_at') THEN
    CREATE INDEX idx_orders_placed_at ON orders (placed_at);
  END IF;
END
$$;

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_placed_at;
