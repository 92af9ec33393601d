-- migrate:up
CREATE TABLE orders (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id  uuid NOT NULL,
  total_cents  bigint NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- A table created a few lines above is not pre-existing: no guard needed.
CREATE INDEX idx_orders_customer_id ON orders (customer_id);

-- migrate:down
DROP TABLE orders;
