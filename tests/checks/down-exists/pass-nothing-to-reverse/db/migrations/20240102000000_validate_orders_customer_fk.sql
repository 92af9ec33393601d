-- migrate:up
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;

-- migrate:down
-- Validation has nothing to undo.
