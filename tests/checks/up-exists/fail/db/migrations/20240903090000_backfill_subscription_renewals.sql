-- migrate:up
-- TODO: backfill renews_at from the billing provider export once it lands.

-- migrate:down
