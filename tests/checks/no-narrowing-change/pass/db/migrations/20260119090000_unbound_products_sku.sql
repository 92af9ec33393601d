-- migrate:up
ALTER TABLE products ALTER COLUMN sku TYPE text;

-- migrate:down
ALTER TABLE products ALTER COLUMN sku TYPE varchar(64);
