-- Discount codes. A percentage discount has percent_off, a fixed one amount_off_cents
-- (money is always integer cents).
-- migrate:up
-- The foreign keys take SHARE ROW EXCLUSIVE on the tables they reference: fail fast.
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS discounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  code text NOT NULL,
  discount_type text NOT NULL CHECK (discount_type IN ('percentage', 'fixed')),
  percent_off numeric(5,2) CHECK (percent_off > 0 AND percent_off <= 100),
  amount_off_cents bigint CHECK (amount_off_cents > 0),
  max_uses integer CHECK (max_uses > 0),
  times_used integer NOT NULL DEFAULT 0 CHECK (times_used >= 0),
  valid_from timestamptz NOT NULL,
  valid_until timestamptz,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT discounts_tenant_code_key UNIQUE (tenant_id, code),
  CONSTRAINT discounts_value_check CHECK (
    (discount_type = 'percentage' AND percent_off IS NOT NULL AND amount_off_cents IS NULL)
    OR (discount_type = 'fixed' AND amount_off_cents IS NOT NULL AND percent_off IS NULL)),
  CONSTRAINT discounts_validity_check CHECK (valid_until IS NULL OR valid_until > valid_from),
  CONSTRAINT discounts_times_used_within_max_check CHECK (max_uses IS NULL OR times_used <= max_uses)
);
CREATE INDEX IF NOT EXISTS idx_discounts_tenant_valid ON discounts (tenant_id, valid_from, valid_until);

ALTER TABLE discounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE discounts FORCE ROW LEVEL SECURITY;
CREATE POLICY discounts_tenant_isolation ON discounts
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS discounts_tenant_isolation ON discounts;
DROP TABLE IF EXISTS discounts;
