-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS coupon_id bigint;
ALTER TABLE orders ADD CONSTRAINT orders_coupon_id_fkey FOREIGN KEY (coupon_id) REFERENCES coupons (id) NOT VALID;

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_coupon_id_fkey;
ALTER TABLE orders DROP COLUMN IF EXISTS coupon_id;
