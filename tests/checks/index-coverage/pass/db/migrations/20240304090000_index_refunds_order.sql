-- migrate:up transaction:false
-- the foreign key's index, added in a later migration, still counts
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_refunds_order ON refunds (order_id);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS idx_refunds_order;
