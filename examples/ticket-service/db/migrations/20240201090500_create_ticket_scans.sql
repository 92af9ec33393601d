-- Every scan of a ticket by a door device, admitted or not.
-- migrate:up
-- The foreign keys take SHARE ROW EXCLUSIVE on the tables they reference: fail fast.
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS ticket_scans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE RESTRICT,
  device_id text NOT NULL,
  scanned_at timestamptz NOT NULL DEFAULT now(),
  result text NOT NULL CHECK (result IN ('admitted', 'rejected', 'duplicate')),
  reason text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_ticket_scans_tenant_scanned ON ticket_scans (tenant_id, scanned_at);
CREATE INDEX IF NOT EXISTS idx_ticket_scans_ticket_scanned ON ticket_scans (ticket_id, scanned_at);

ALTER TABLE ticket_scans ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_scans FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_scans_tenant_isolation ON ticket_scans
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS ticket_scans_tenant_isolation ON ticket_scans;
DROP TABLE IF EXISTS ticket_scans;
