-- Tickets issued from a hold (comps for press, artists) point at it: tickets.hold_id.
-- The foreign key is added NOT VALID (no scan of tickets while holding SHARE ROW EXCLUSIVE on
-- tickets and ticket_holds) and validated by a later migration; its index is built
-- CONCURRENTLY in between.
-- migrate:up
SET LOCAL lock_timeout = '5s';
ALTER TABLE tickets ADD COLUMN IF NOT EXISTS hold_id uuid;
ALTER TABLE tickets ADD CONSTRAINT tickets_hold_id_fkey
  FOREIGN KEY (hold_id) REFERENCES ticket_holds (id) ON DELETE RESTRICT NOT VALID;

-- migrate:down
SET LOCAL lock_timeout = '5s';
ALTER TABLE tickets DROP CONSTRAINT IF EXISTS tickets_hold_id_fkey;
ALTER TABLE tickets DROP COLUMN IF EXISTS hold_id;
