-- migrate:up
CREATE TABLE refunds (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id),
  amount_cents bigint NOT NULL
);
CREATE INDEX idx_refunds_order ON refunds (order_id);

-- migrate:down
DROP TABLE refunds;
