-- migrate:up
-- Dormant accounts without points from before the 2024 programme change are removed
-- (approved by finance, ticket LOY-212).
DELETE FROM loyalty_accounts
 WHERE points = 0
   AND created_at < '2024-01-01'
   AND id IN (SELECT id FROM loyalty_accounts WHERE points = 0 LIMIT 10000);

-- migrate:down
DO $$
BEGIN
  RAISE EXCEPTION 'irreversible: purged loyalty accounts are not kept (restore from backup if needed)';
END
$$;
