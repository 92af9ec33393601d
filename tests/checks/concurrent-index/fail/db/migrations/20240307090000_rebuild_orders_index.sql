-- migrate:up
-- rebuilds the bloated index; holds SHARE on orders (writes wait) for the whole build
SET lock_timeout = '5s';
REINDEX INDEX idx_orders_customer;

-- migrate:down
-- nothing to undo
