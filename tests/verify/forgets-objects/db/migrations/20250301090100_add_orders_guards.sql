-- migrate:up
CREATE INDEX idx_orders_total ON orders (total_cents);
CREATE FUNCTION orders_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_tenant ON orders USING (tenant_id = current_setting('app.tenant', true)::uuid);

-- migrate:down
ALTER TABLE orders DISABLE ROW LEVEL SECURITY;
