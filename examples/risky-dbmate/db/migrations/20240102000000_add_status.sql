-- migrate:up
ALTER TABLE orders ADD COLUMN status text NOT NULL;
CREATE INDEX idx_orders_status ON orders (status);
UPDATE orders SET total = 0;

-- migrate:down
DROP INDEX idx_orders_status;
ALTER TABLE orders DROP COLUMN status;
