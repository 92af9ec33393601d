-- migrate:up
SET lock_timeout = '5s';
-- binary-coercible changes: catalog only
ALTER TABLE orders ALTER COLUMN note TYPE text;
ALTER TABLE orders ALTER COLUMN reference TYPE varchar(64);
ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);

-- migrate:down
-- widening is kept on rollback: narrowing back would rewrite orders and could reject rows
