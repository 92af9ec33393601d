-- Issued tickets. A box-office sale has no reservation, so reservation_id is nullable.
-- migrate:up
-- The foreign keys take SHARE ROW EXCLUSIVE on the tables they reference: fail fast.
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS tickets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  event_id uuid NOT NULL REFERENCES events (id) ON DELETE RESTRICT,
  ticket_type_id uuid NOT NULL REFERENCES ticket_types (id) ON DELETE RESTRICT,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  reservation_id uuid REFERENCES reservations (id) ON DELETE RESTRICT,
  ticket_number text NOT NULL,
  qr_code text NOT NULL,
  price_cents bigint NOT NULL CHECK (price_cents >= 0),
  seat_section text,
  seat_row text,
  seat_number text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'used', 'cancelled', 'transferred')),
  is_transferable boolean NOT NULL DEFAULT true,
  transfer_count integer NOT NULL DEFAULT 0 CHECK (transfer_count >= 0),
  validated_at timestamptz,
  validated_by uuid REFERENCES users (id) ON DELETE RESTRICT,
  metadata jsonb NOT NULL DEFAULT '{}',
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT tickets_ticket_number_key UNIQUE (ticket_number),
  CONSTRAINT tickets_qr_code_key UNIQUE (qr_code)
);
CREATE INDEX IF NOT EXISTS idx_tickets_tenant_event_status ON tickets (tenant_id, event_id, status);
CREATE INDEX IF NOT EXISTS idx_tickets_event ON tickets (event_id);
CREATE INDEX IF NOT EXISTS idx_tickets_ticket_type ON tickets (ticket_type_id);
CREATE INDEX IF NOT EXISTS idx_tickets_user_event ON tickets (user_id, event_id);
CREATE INDEX IF NOT EXISTS idx_tickets_reservation ON tickets (reservation_id);
CREATE INDEX IF NOT EXISTS idx_tickets_validated_by ON tickets (validated_by);

ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
ALTER TABLE tickets FORCE ROW LEVEL SECURITY;
CREATE POLICY tickets_tenant_isolation ON tickets
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS tickets_tenant_isolation ON tickets;
DROP TABLE IF EXISTS tickets;
