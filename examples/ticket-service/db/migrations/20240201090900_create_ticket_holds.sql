-- Inventory held back from sale (press, artists, sponsors).
-- migrate:up
-- The foreign keys take SHARE ROW EXCLUSIVE on the tables they reference: fail fast.
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS ticket_holds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  ticket_type_id uuid NOT NULL REFERENCES ticket_types (id) ON DELETE RESTRICT,
  quantity integer NOT NULL CHECK (quantity > 0),
  reason text NOT NULL,
  held_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  expires_at timestamptz,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'released', 'expired', 'converted')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_ticket_holds_tenant_status_expires ON ticket_holds (tenant_id, status, expires_at);
CREATE INDEX IF NOT EXISTS idx_ticket_holds_ticket_type ON ticket_holds (ticket_type_id);
CREATE INDEX IF NOT EXISTS idx_ticket_holds_held_by ON ticket_holds (held_by);

ALTER TABLE ticket_holds ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_holds FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_holds_tenant_isolation ON ticket_holds
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS ticket_holds_tenant_isolation ON ticket_holds;
DROP TABLE IF EXISTS ticket_holds;
