-- Validate tickets_hold_id_fkey: scans tickets under SHARE UPDATE EXCLUSIVE (and ticket_holds
-- under ROW SHARE), so ticket sales go on meanwhile.
-- migrate:up
SET LOCAL lock_timeout = '5s';
ALTER TABLE tickets VALIDATE CONSTRAINT tickets_hold_id_fkey;

-- migrate:down
-- A validation cannot be undone (nor needs to be); the foreign key is dropped by the down of
-- 20240401090000_add_tickets_hold_id_fk.
SELECT 1;
