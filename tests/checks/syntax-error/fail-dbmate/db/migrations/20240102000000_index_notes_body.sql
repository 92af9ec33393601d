-- migrate:up
SELECT 1;
-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_notes_body ON notes (body);

-- migrate:down
DROP INDEX IF EXISTS idx_notes_body;
