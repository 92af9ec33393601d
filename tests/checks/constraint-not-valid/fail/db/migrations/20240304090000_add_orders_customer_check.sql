-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_positive CHECK (customer_id > 0) NOT VALID;

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_customer_id_positive;
