-- "My tickets" lists a user's tickets newest first. tickets holds production data by now, so
-- the index is built CONCURRENTLY (no SHARE lock blocking ticket sales), which PostgreSQL
-- refuses inside a transaction: the section opts out and holds this one statement. If the
-- build fails it leaves an INVALID index that IF NOT EXISTS would skip: drop it, then retry
-- (RUNBOOK.md).
-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_tickets_tenant_user_created ON tickets (tenant_id, user_id, created_at DESC);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS idx_tickets_tenant_user_created;
