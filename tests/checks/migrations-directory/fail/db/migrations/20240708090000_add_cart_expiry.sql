-- migrate:up
ALTER TABLE carts ADD COLUMN IF NOT EXISTS expires_at timestamptz;

-- migrate:down
ALTER TABLE carts DROP COLUMN IF EXISTS expires_at;
