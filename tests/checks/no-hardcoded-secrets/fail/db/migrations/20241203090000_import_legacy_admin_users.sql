-- migrate:up
CREATE EXTENSION IF NOT EXISTS dblink;

INSERT INTO admin_users (email, password_hash)
SELECT email, password_hash
  FROM dblink('postgresql://legacy_app:Leg4cyPass@legacy-db.internal:5432/backoffice',
              'SELECT email, password_hash FROM users WHERE is_admin')
       AS t(email text, password_hash text)
ON CONFLICT (email) DO NOTHING;

-- migrate:down
DO $$ BEGIN RAISE EXCEPTION 'irreversible: imported admin users are not tracked'; END $$;
