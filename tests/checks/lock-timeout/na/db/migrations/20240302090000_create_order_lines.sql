-- migrate:up
CREATE TABLE order_lines (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_ref bigint NOT NULL,
  sku text NOT NULL,
  quantity integer NOT NULL
);
-- order_lines was created just above: altering and indexing it locks nothing in use
ALTER TABLE order_lines ADD COLUMN unit_price_cents bigint NOT NULL DEFAULT 0;
CREATE INDEX idx_order_lines_order_ref ON order_lines (order_ref);

-- migrate:down
DROP TABLE order_lines;
