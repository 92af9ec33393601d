-- migrate:up
CREATE TABLE accounts (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email       text NOT NULL UNIQUE,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION accounts_touch() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts
  FOR EACH ROW EXECUTE FUNCTION accounts_touch();

-- migrate:down
-- The baseline is not rolled back: the down says so instead of dropping anything.
DO $$ BEGIN RAISE EXCEPTION 'irreversible: baseline schema of the accounts service'; END $$;
