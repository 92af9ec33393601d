-- tickets.sales_channel, step 2 of 5: backfill the existing rows in batches of 5000 in key
-- order, committing after each batch (short row locks, no long transaction holding back
-- vacuum), logging progress. A box-office ticket is the one without a reservation.
-- The section runs outside a transaction so the DO block may COMMIT; it only fills NULLs,
-- so a rerun after a failure continues where it stopped.
-- migrate:up transaction:false
DO $$
DECLARE
  batch_size constant integer := 5000;
  last_id uuid := '00000000-0000-0000-0000-000000000000';
  batch_last uuid;
  batch_rows bigint;
  total bigint := 0;
BEGIN
  LOOP
    SELECT b.id INTO batch_last
      FROM (SELECT id FROM tickets WHERE id > last_id ORDER BY id LIMIT batch_size) b
     ORDER BY b.id DESC
     LIMIT 1;
    EXIT WHEN batch_last IS NULL;
    UPDATE tickets
       SET sales_channel = CASE WHEN reservation_id IS NULL THEN 'box_office' ELSE 'online' END
     WHERE id > last_id AND id <= batch_last AND sales_channel IS NULL;
    GET DIAGNOSTICS batch_rows = ROW_COUNT;
    total := total + batch_rows;
    last_id := batch_last;
    COMMIT;
    RAISE NOTICE 'backfill tickets.sales_channel: % rows updated', total;
  END LOOP;
  RAISE NOTICE 'backfill tickets.sales_channel: done, % rows updated', total;
END
$$;

-- migrate:down
-- Nothing to undo: the backfilled column is dropped by the down of
-- 20240320090000_add_tickets_sales_channel.
SELECT 1;
