-- migrate:up
CREATE TABLE customers (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email       text NOT NULL UNIQUE,
  fax_number  text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customer_login_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id  uuid NOT NULL REFERENCES customers (id),
  ip           inet,
  at           timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE customer_login_events;
DROP TABLE customers;
