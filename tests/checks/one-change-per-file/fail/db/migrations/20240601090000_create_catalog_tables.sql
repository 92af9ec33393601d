-- migrate:up
-- Three tables that only make sense together: a product, its variants, their prices.
CREATE TABLE products (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sku         text NOT NULL UNIQUE,
  title       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE product_variants (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id  uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  size        text,
  colour      text
);

CREATE TABLE product_variant_prices (
  variant_id   uuid NOT NULL REFERENCES product_variants (id) ON DELETE CASCADE,
  currency     char(3) NOT NULL,
  amount_cents bigint NOT NULL,
  PRIMARY KEY (variant_id, currency)
);

-- An index on a table created above is part of creating it.
CREATE INDEX idx_product_variants_product_id ON product_variants (product_id);

-- migrate:down
DROP TABLE product_variant_prices;
DROP TABLE product_variants;
DROP TABLE products;
