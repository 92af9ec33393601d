-- migrate:up
-- allowed inside a transaction since PostgreSQL 12 (this project targets 15)
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded';

-- migrate:down
-- enum values cannot be dropped; 'refunded' stays
