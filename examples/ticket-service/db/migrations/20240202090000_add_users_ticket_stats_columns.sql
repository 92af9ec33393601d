-- Per-user ticket statistics on platform-core's users table (owned by another service, so
-- pre-existing here): one ALTER, guarded, with constant defaults (PostgreSQL 11+ stores them
-- without rewriting the table) and a lock_timeout so a busy users table fails fast.
-- migrate:up
SET LOCAL lock_timeout = '5s';
ALTER TABLE users
  ADD COLUMN IF NOT EXISTS ticket_purchase_count integer NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS events_attended integer NOT NULL DEFAULT 0;

-- migrate:down
SET LOCAL lock_timeout = '5s';
ALTER TABLE users
  DROP COLUMN IF EXISTS events_attended,
  DROP COLUMN IF EXISTS ticket_purchase_count;
