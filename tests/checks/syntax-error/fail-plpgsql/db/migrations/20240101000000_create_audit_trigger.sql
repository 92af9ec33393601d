-- migrate:up
CREATE TABLE audit_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);
CREATE FUNCTION audit_log_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.note := coalesce(NEW.note, '')
  RETURN NEW;
END $$;

-- migrate:down
DROP FUNCTION audit_log_touch();
DROP TABLE audit_log;
