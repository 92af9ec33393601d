-- migrate:up
ALTER TABLE orders ALTER COLUMN currency SET DEFAULT 'EUR';

-- Only rows without a currency get the default; existing USD/GBP orders keep theirs.
UPDATE orders SET currency = 'EUR'
 WHERE currency IS NULL
   AND id BETWEEN 1 AND 50000;

-- migrate:down
ALTER TABLE orders ALTER COLUMN currency DROP DEFAULT;
