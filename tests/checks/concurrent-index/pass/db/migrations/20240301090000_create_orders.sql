-- migrate:up
CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  created_at timestamptz NOT NULL DEFAULT now()
);
-- orders was created three lines above and is still empty: no CONCURRENTLY needed
CREATE INDEX idx_orders_customer ON orders (customer_id);

-- migrate:down
DROP INDEX IF EXISTS idx_orders_customer;
DROP TABLE orders;
