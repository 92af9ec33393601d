-- migrate:up transaction:false
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY idx_orders_tenant ON orders (tenant_id);

-- migrate:down
DROP INDEX idx_orders_tenant;
