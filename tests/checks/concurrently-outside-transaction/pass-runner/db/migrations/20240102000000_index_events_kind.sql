-- migrate:up transaction:false
-- migsafe runs this section statement by statement, so the SET does not wrap the index build.
SET statement_timeout = '30min';
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_events_kind ON events (kind);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS idx_events_kind;
