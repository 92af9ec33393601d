-- migrate:up
CREATE TABLE tickets (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL,
  subject     text NOT NULL,
  status      text NOT NULL DEFAULT 'open',
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX idx_tickets_tenant_id ON tickets (tenant_id);

ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
CREATE POLICY tickets_tenant_isolation ON tickets
  USING (tenant_id = current_setting('app.tenant_id', true)::uuid);

CREATE FUNCTION tickets_touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER tickets_touch_updated_at BEFORE UPDATE ON tickets
  FOR EACH ROW EXECUTE FUNCTION tickets_touch_updated_at();

-- migrate:down
-- The index, policy and trigger go with the table; the function does not.
DROP TABLE tickets;
DROP FUNCTION tickets_touch_updated_at();
