-- migrate:up
CREATE TABLE carts (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id  uuid,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cart_items (
  cart_id     uuid NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  product_id  uuid NOT NULL,
  quantity    integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (cart_id, product_id)
);

-- migrate:down
DROP TABLE cart_items;
DROP TABLE carts;
