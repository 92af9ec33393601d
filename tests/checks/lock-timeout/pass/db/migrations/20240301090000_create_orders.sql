-- migrate:up
-- the foreign key takes SHARE ROW EXCLUSIVE on customers (owned by the accounts service)
SET lock_timeout = '5s';
CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  total_cents bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- orders is new: indexing it locks nobody out
CREATE INDEX idx_orders_customer ON orders (customer_id);

-- migrate:down
SET lock_timeout = '5s';
DROP TABLE orders;
