-- migrate:up
-- gen_random_uuid() is built in since PostgreSQL 13
CREATE TABLE payment_methods (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id bigint NOT NULL REFERENCES customers (id),
  brand text NOT NULL
);
CREATE INDEX idx_payment_methods_customer ON payment_methods (customer_id);

-- migrate:down
DROP TABLE payment_methods;
