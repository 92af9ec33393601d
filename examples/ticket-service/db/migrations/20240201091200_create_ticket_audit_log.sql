-- Audit trail of ticket changes. Kept when users or tickets go away: RESTRICT, never CASCADE.
-- migrate:up
-- The foreign keys take SHARE ROW EXCLUSIVE on the tables they reference: fail fast.
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS ticket_audit_log (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE RESTRICT,
  action text NOT NULL,
  performed_by uuid REFERENCES users (id) ON DELETE RESTRICT,
  old_values jsonb,
  new_values jsonb,
  ip_address inet,
  performed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_ticket_audit_log_tenant_performed ON ticket_audit_log (tenant_id, performed_at);
CREATE INDEX IF NOT EXISTS idx_ticket_audit_log_ticket_performed ON ticket_audit_log (ticket_id, performed_at);
CREATE INDEX IF NOT EXISTS idx_ticket_audit_log_performed_by ON ticket_audit_log (performed_by);

ALTER TABLE ticket_audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_audit_log_tenant_isolation ON ticket_audit_log
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS ticket_audit_log_tenant_isolation ON ticket_audit_log;
DROP TABLE IF EXISTS ticket_audit_log;
