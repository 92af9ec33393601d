CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_events_kind ON events (kind);
