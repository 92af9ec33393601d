-- migrate:up
CREATE TABLE shipments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id bigint NOT NULL,
  ship_date date NOT NULL,
  shipped_at timestamp with time zone,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_shipments_order ON shipments (order_id);

-- migrate:down
DROP TABLE shipments;
