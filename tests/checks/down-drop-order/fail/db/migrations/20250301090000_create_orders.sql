-- migrate:up
CREATE TABLE customers (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email       text NOT NULL UNIQUE
);

CREATE TABLE orders (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id  uuid NOT NULL REFERENCES customers (id),
  total_cents  bigint NOT NULL
);

CREATE TABLE order_lines (
  order_id     uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no      integer NOT NULL,
  sku          text NOT NULL,
  quantity     integer NOT NULL,
  PRIMARY KEY (order_id, line_no)
);

-- migrate:down
DROP TABLE order_lines;
DROP TABLE orders;
DROP TABLE customers;
