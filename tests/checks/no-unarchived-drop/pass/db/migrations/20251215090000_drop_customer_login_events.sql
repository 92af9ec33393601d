-- migrate:up
-- Login history moves to the audit service; keep a copy until it has been imported there.
CREATE TABLE IF NOT EXISTS archive.customer_login_events (LIKE customer_login_events);
INSERT INTO archive.customer_login_events SELECT * FROM customer_login_events;
DROP TABLE customer_login_events;

-- A staging table created in this file is not pre-existing: dropping it loses nothing.
CREATE TABLE customer_email_import (email text NOT NULL);
INSERT INTO customer_email_import (email) VALUES ('first@example.com'), ('second@example.com');
INSERT INTO customers (email)
  SELECT email FROM customer_email_import ON CONFLICT (email) DO NOTHING;
DROP TABLE customer_email_import;

-- migrate:down
DO $$ BEGIN RAISE EXCEPTION 'irreversible: restore customer_login_events from archive.customer_login_events'; END $$;
