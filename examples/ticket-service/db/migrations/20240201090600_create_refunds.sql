-- Refunds of tickets. order_id belongs to the order service's database: no foreign key.
-- migrate:up
-- The foreign keys take SHARE ROW EXCLUSIVE on the tables they reference: fail fast.
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS refunds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  order_id uuid NOT NULL,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE RESTRICT,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'rejected', 'processed', 'failed')),
  reason text,
  processed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_refunds_tenant_status_created ON refunds (tenant_id, status, created_at);
CREATE INDEX IF NOT EXISTS idx_refunds_tenant_order ON refunds (tenant_id, order_id);
CREATE INDEX IF NOT EXISTS idx_refunds_ticket ON refunds (ticket_id);

ALTER TABLE refunds ENABLE ROW LEVEL SECURITY;
ALTER TABLE refunds FORCE ROW LEVEL SECURITY;
CREATE POLICY refunds_tenant_isolation ON refunds
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS refunds_tenant_isolation ON refunds;
DROP TABLE IF EXISTS refunds;
