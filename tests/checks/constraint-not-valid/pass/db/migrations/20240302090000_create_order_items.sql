-- migrate:up
SET lock_timeout = '5s';
-- constraints inside CREATE TABLE check an empty table
CREATE TABLE order_items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id),
  quantity integer NOT NULL CHECK (quantity > 0)
);
-- order_items is new in this file: validating it now scans nothing
ALTER TABLE order_items ADD COLUMN unit_price_cents bigint NOT NULL DEFAULT 0;
ALTER TABLE order_items ADD CONSTRAINT order_items_price_check CHECK (unit_price_cents >= 0);
CREATE INDEX idx_order_items_order ON order_items (order_id);

-- migrate:down
DROP TABLE order_items;
