-- migrate:up
ALTER TABLE products ALTER COLUMN sku TYPE varchar(64);
ALTER TABLE products ALTER COLUMN price TYPE numeric(12, 2);
ALTER TABLE products ALTER COLUMN id TYPE bigint;

-- migrate:down
ALTER TABLE products ALTER COLUMN id TYPE integer;
ALTER TABLE products ALTER COLUMN price TYPE numeric(10, 2);
ALTER TABLE products ALTER COLUMN sku TYPE varchar(32);
