-- migrate:up
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS last_login_at timestamptz;

-- migrate:down
ALTER TABLE accounts DROP COLUMN IF EXISTS last_login_at;
