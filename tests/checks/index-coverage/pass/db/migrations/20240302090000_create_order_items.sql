-- migrate:up
-- order_id leads the primary key, so the key's index covers the foreign key
CREATE TABLE order_items (
  order_id bigint NOT NULL REFERENCES orders (id),
  product_sku text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (order_id, product_sku)
);

-- migrate:down
DROP TABLE order_items;
