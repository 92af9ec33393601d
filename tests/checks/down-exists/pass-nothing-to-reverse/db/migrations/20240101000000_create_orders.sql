-- migrate:up
CREATE TABLE orders (id uuid PRIMARY KEY, customer_id uuid);
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES orders (id) NOT VALID;

-- migrate:down
DROP TABLE orders;
