-- migrate:up
CREATE OR REPLACE FUNCTION documents_touch() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER documents_touch BEFORE UPDATE ON documents
  FOR EACH ROW EXECUTE FUNCTION documents_touch();

-- migrate:down
DROP FUNCTION IF EXISTS documents_touch();
DROP TRIGGER IF EXISTS documents_touch ON documents;
