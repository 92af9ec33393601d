-- migrate:up
ALTER TABLE orders ALTER COLUMN currency SET DEFAULT 'EUR';
UPDATE orders SET currency = 'EUR';

-- migrate:down
ALTER TABLE orders ALTER COLUMN currency DROP DEFAULT;
