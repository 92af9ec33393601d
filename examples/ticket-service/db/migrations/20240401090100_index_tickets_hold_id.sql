-- The index on the new foreign key column tickets.hold_id (deleting or locking a hold must
-- not scan tickets), built CONCURRENTLY, alone in a section outside a transaction.
-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_tickets_hold ON tickets (hold_id);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS idx_tickets_hold;
