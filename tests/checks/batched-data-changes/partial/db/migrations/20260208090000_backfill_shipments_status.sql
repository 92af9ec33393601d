-- migrate:up
UPDATE shipments SET status = CASE WHEN delivered_at IS NULL THEN 'in_transit' ELSE 'delivered' END;

-- migrate:down
UPDATE shipments SET status = NULL;
