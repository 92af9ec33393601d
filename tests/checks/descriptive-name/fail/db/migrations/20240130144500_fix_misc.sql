-- migrate:up
ALTER TABLE shipments ALTER COLUMN carrier SET DEFAULT 'dhl_express';

-- migrate:down
ALTER TABLE shipments ALTER COLUMN carrier DROP DEFAULT;
