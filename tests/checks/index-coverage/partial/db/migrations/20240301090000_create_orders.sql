-- migrate:up
CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL,
  customer_id bigint NOT NULL REFERENCES customers (id),
  total_cents bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- tenant_id is only the second column: this index does not cover it
CREATE INDEX idx_orders_created_tenant ON orders (created_at, tenant_id);

-- migrate:down
DROP TABLE orders;
