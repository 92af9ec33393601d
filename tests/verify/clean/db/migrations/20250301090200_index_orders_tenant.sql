-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_tenant ON orders (tenant_id);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_tenant;
