-- migrate:up
CREATE INDEX IF NOT EXISTS idx_shipments_order_id ON shipments (order_id);

-- migrate:down
DROP INDEX IF EXISTS idx_shipments_order_id;
