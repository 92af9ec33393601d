-- Discounts applied to orders. order_id belongs to the order service: no foreign key.
-- migrate:up
-- The foreign keys take SHARE ROW EXCLUSIVE on the tables they reference: fail fast.
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS order_discounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  order_id uuid NOT NULL,
  discount_id uuid NOT NULL REFERENCES discounts (id) ON DELETE RESTRICT,
  discount_code text NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
  applied_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT order_discounts_tenant_order_discount_key UNIQUE (tenant_id, order_id, discount_id)
);
CREATE INDEX IF NOT EXISTS idx_order_discounts_discount ON order_discounts (discount_id);

ALTER TABLE order_discounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_discounts FORCE ROW LEVEL SECURITY;
CREATE POLICY order_discounts_tenant_isolation ON order_discounts
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS order_discounts_tenant_isolation ON order_discounts;
DROP TABLE IF EXISTS order_discounts;
