-- migrate:up transaction:false
-- alone in its section (a SET here would put it in a transaction); SHARE UPDATE EXCLUSIVE blocks no reads or writes
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_status ON orders (status);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_status;
