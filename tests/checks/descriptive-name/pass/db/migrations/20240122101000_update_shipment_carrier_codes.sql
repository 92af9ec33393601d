-- migrate:up
UPDATE shipments SET carrier = 'dhl_express' WHERE carrier = 'dhl' AND id IN (
  SELECT id FROM shipments WHERE carrier = 'dhl' LIMIT 10000
);

-- migrate:down
UPDATE shipments SET carrier = 'dhl' WHERE carrier = 'dhl_express';
