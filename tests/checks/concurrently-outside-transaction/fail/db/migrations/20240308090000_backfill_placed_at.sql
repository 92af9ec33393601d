-- migrate:up
UPDATE orders SET placed_at = created_at WHERE placed_at IS NULL AND id < 100000;
VACUUM ANALYZE orders;

-- migrate:down
-- placed_at keeps its backfilled values
