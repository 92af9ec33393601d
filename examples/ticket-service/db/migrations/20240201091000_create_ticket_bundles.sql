-- Bundles of ticket types sold together at a discount.
-- migrate:up
-- The foreign keys take SHARE ROW EXCLUSIVE on the tables they reference: fail fast.
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS ticket_bundles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  name text NOT NULL,
  description text,
  price_cents bigint NOT NULL CHECK (price_cents >= 0),
  discount_percentage numeric(5,2) NOT NULL DEFAULT 0 CHECK (discount_percentage >= 0 AND discount_percentage <= 100),
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ticket_bundles_tenant_name_key UNIQUE (tenant_id, name)
);
CREATE INDEX IF NOT EXISTS idx_ticket_bundles_tenant_active ON ticket_bundles (tenant_id, is_active);

ALTER TABLE ticket_bundles ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_bundles FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_bundles_tenant_isolation ON ticket_bundles
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS ticket_bundles_tenant_isolation ON ticket_bundles;
DROP TABLE IF EXISTS ticket_bundles;
