-- migrate:up
-- Backfill in key ranges; the job runner repeats the next range in later migrations.
UPDATE shipments SET status = 'delivered'
 WHERE id BETWEEN 1 AND 50000
   AND status IS NULL
   AND delivered_at IS NOT NULL;

DELETE FROM shipments
 WHERE id IN (SELECT id FROM shipments WHERE carrier = 'test-carrier' LIMIT 5000);

-- migrate:down
UPDATE shipments SET status = NULL WHERE id BETWEEN 1 AND 50000 AND status = 'delivered';
