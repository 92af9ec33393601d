-- migrate:up
CREATE TABLE order_items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  product_sku text NOT NULL,
  quantity integer NOT NULL
);
-- order_id second: an ON DELETE on orders still scans order_items
CREATE INDEX idx_order_items_sku_order ON order_items (product_sku, order_id);

-- migrate:down
DROP TABLE order_items;
