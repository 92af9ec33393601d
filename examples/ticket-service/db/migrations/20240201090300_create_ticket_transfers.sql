-- Ticket transfers from one holder to another (by user or e-mail), accepted with a code.
-- migrate:up
-- The foreign keys take SHARE ROW EXCLUSIVE on the tables they reference: fail fast.
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS ticket_transfers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE RESTRICT,
  from_user_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  to_user_id uuid REFERENCES users (id) ON DELETE RESTRICT,
  to_email text,
  transfer_code text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'cancelled', 'expired')),
  acceptance_code text,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ticket_transfers_transfer_code_key UNIQUE (transfer_code),
  CONSTRAINT ticket_transfers_recipient_check CHECK (to_user_id IS NOT NULL OR to_email IS NOT NULL),
  CONSTRAINT ticket_transfers_expiry_check CHECK (expires_at > created_at)
);
CREATE INDEX IF NOT EXISTS idx_ticket_transfers_tenant_status_expires ON ticket_transfers (tenant_id, status, expires_at);
CREATE INDEX IF NOT EXISTS idx_ticket_transfers_ticket ON ticket_transfers (ticket_id);
CREATE INDEX IF NOT EXISTS idx_ticket_transfers_from_user ON ticket_transfers (from_user_id);
CREATE INDEX IF NOT EXISTS idx_ticket_transfers_to_user ON ticket_transfers (to_user_id);

ALTER TABLE ticket_transfers ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_transfers FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_transfers_tenant_isolation ON ticket_transfers
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS ticket_transfers_tenant_isolation ON ticket_transfers;
DROP TABLE IF EXISTS ticket_transfers;
