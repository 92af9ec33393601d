-- migrate:up
-- a later transaction: SHARE UPDATE EXCLUSIVE, reads and writes continue during the scan
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_nonnegative;

-- migrate:down
-- nothing to undo: the constraints stay, validated
