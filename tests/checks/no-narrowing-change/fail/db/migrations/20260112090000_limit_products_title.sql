-- migrate:up
-- The storefront only shows 120 characters of a title.
ALTER TABLE products ALTER COLUMN title TYPE varchar(120);

-- migrate:down
ALTER TABLE products ALTER COLUMN title TYPE text;
