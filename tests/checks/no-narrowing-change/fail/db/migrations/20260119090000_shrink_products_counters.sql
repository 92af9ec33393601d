-- migrate:up
ALTER TABLE products ALTER COLUMN stock_count TYPE integer;
ALTER TABLE products ALTER COLUMN price TYPE numeric(10, 0);
ALTER TABLE products ALTER COLUMN launched_at TYPE timestamp;

-- migrate:down
ALTER TABLE products ALTER COLUMN launched_at TYPE timestamptz;
ALTER TABLE products ALTER COLUMN price TYPE numeric(10, 2);
ALTER TABLE products ALTER COLUMN stock_count TYPE bigint;
