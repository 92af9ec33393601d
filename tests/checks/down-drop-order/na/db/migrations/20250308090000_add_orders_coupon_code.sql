-- migrate:up
ALTER TABLE orders ADD COLUMN IF NOT EXISTS coupon_code text;
CREATE INDEX IF NOT EXISTS idx_orders_coupon_code ON orders (coupon_code) WHERE coupon_code IS NOT NULL;

-- migrate:down
DROP INDEX IF EXISTS idx_orders_coupon_code;
ALTER TABLE orders DROP COLUMN IF EXISTS coupon_code;
