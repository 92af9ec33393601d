-- migrate:up
CREATE OR REPLACE FUNCTION documents_search_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := to_tsvector('simple', coalesce(NEW.title, '') || ' ' || coalesce(NEW.body, ''));
  RETURN NEW;
END;
$$;

CREATE TRIGGER documents_search_refresh BEFORE INSERT OR UPDATE OF title, body ON documents
  FOR EACH ROW EXECUTE FUNCTION documents_search_refresh();

-- migrate:down
DROP TRIGGER IF EXISTS documents_search_refresh ON documents;
DROP FUNCTION IF EXISTS documents_search_refresh();
