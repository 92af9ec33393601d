-- migrate:up
CREATE TABLE customers (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email       text,
  phone       text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id  uuid NOT NULL REFERENCES customers (id),
  total_cents  bigint NOT NULL
);

-- orders was created above and is still empty: NOT NULL without a default is fine here.
ALTER TABLE orders ADD COLUMN placed_at timestamptz NOT NULL;

-- migrate:down
DROP TABLE orders;
DROP TABLE customers;
