-- migrate:up
DROP TABLE IF EXISTS customer_login_events;

-- migrate:down
DO $$ BEGIN RAISE EXCEPTION 'irreversible: customer_login_events was dropped'; END $$;
