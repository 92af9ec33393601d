-- migrate:up
CREATE TABLE payment_methods (
  id serial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  brand text NOT NULL
);
CREATE INDEX idx_payment_methods_customer ON payment_methods (customer_id);

-- migrate:down
DROP TABLE payment_methods;
