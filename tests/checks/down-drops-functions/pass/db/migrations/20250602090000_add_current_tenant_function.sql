-- migrate:up
CREATE OR REPLACE FUNCTION current_tenant_id() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.tenant_id', true), '')::uuid
$$;

-- migrate:down
DROP FUNCTION IF EXISTS current_tenant_id();
