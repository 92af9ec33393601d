-- migrate:up
CREATE TABLE products (
  sku text PRIMARY KEY,
  name text NOT NULL,
  price_cents bigint NOT NULL CHECK (price_cents >= 0)
);

-- migrate:down
DROP TABLE products;
