-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE customers RENAME COLUMN full_name TO display_name;

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE customers RENAME COLUMN display_name TO full_name;
