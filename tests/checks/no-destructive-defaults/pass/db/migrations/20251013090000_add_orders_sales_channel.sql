-- migrate:up
-- A column added in this migration holds no data yet: filling it overwrites nothing.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS sales_channel text;
ALTER TABLE orders ALTER COLUMN sales_channel SET DEFAULT 'web';
UPDATE orders SET sales_channel = 'web' WHERE id BETWEEN 1 AND 50000;

-- migrate:down
ALTER TABLE orders DROP COLUMN IF EXISTS sales_channel;
