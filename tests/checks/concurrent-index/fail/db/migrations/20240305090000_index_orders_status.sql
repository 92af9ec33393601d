-- migrate:up
SET lock_timeout = '5s';
CREATE INDEX IF NOT EXISTS idx_orders_status ON orders (status);

-- migrate:down
SET lock_timeout = '5s';
DROP INDEX IF EXISTS idx_orders_status;
