-- migrate:up
CREATE TABLE orders (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id  uuid NOT NULL,
  currency     char(3),
  total_cents  bigint NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE orders;
