-- migrate:up
CREATE OR REPLACE FUNCTION accounts_touch() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts
  FOR EACH ROW EXECUTE FUNCTION accounts_touch();

-- migrate:down
DROP FUNCTION IF EXISTS accounts_touch();
DROP TRIGGER IF EXISTS accounts_touch ON accounts;
