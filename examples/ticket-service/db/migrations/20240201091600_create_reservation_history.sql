-- Status history of reservations (append-only).
-- migrate:up
-- The foreign keys take SHARE ROW EXCLUSIVE on the tables they reference: fail fast.
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS reservation_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  reservation_id uuid NOT NULL REFERENCES reservations (id) ON DELETE RESTRICT,
  status_from text,
  status_to text NOT NULL,
  reason text,
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_reservation_history_tenant_created ON reservation_history (tenant_id, created_at);
CREATE INDEX IF NOT EXISTS idx_reservation_history_reservation_created ON reservation_history (reservation_id, created_at);

ALTER TABLE reservation_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE reservation_history FORCE ROW LEVEL SECURITY;
CREATE POLICY reservation_history_tenant_isolation ON reservation_history
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS reservation_history_tenant_isolation ON reservation_history;
DROP TABLE IF EXISTS reservation_history;
