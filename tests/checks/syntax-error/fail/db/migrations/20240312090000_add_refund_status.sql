-- migrate:up
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'pending';

-- migrate:down
ALTER TABLE refunds DROP COLUMN IF EXIST status;
