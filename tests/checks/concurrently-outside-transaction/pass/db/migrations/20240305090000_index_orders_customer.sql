-- migrate:up transaction:false
-- alone in its section: dbmate sends it as a query of its own, outside any transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_customer ON orders (customer_id);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_customer;
