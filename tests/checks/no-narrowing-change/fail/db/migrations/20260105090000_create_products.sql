-- migrate:up
CREATE TABLE products (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku          varchar(32) NOT NULL UNIQUE,
  title        text NOT NULL,
  price        numeric(10, 2) NOT NULL,
  stock_count  bigint NOT NULL DEFAULT 0,
  launched_at  timestamptz
);

-- migrate:down
DROP TABLE products;
