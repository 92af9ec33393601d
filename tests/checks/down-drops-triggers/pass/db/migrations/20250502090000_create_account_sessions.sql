-- migrate:up
CREATE TABLE account_sessions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  expires_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION account_sessions_touch() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER account_sessions_touch BEFORE UPDATE ON account_sessions
  FOR EACH ROW EXECUTE FUNCTION account_sessions_touch();

-- migrate:down
-- The trigger goes with its table; then the function is free to drop.
DROP TABLE account_sessions;
DROP FUNCTION account_sessions_touch();
