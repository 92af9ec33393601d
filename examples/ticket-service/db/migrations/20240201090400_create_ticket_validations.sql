-- Validations of a ticket at the door (who validated it, how).
-- migrate:up
-- The foreign keys take SHARE ROW EXCLUSIVE on the tables they reference: fail fast.
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS ticket_validations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE RESTRICT,
  validator_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  validated_at timestamptz NOT NULL DEFAULT now(),
  method text NOT NULL CHECK (method IN ('qr', 'nfc', 'manual')),
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_ticket_validations_tenant_validated ON ticket_validations (tenant_id, validated_at);
CREATE INDEX IF NOT EXISTS idx_ticket_validations_ticket ON ticket_validations (ticket_id);
CREATE INDEX IF NOT EXISTS idx_ticket_validations_validator ON ticket_validations (validator_id);

ALTER TABLE ticket_validations ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_validations FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_validations_tenant_isolation ON ticket_validations
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS ticket_validations_tenant_isolation ON ticket_validations;
DROP TABLE IF EXISTS ticket_validations;
