-- Reservations hold inventory of one ticket type until they are confirmed, expire or
-- are cancelled.
-- migrate:up
-- The foreign keys take SHARE ROW EXCLUSIVE on the tables they reference: fail fast.
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS reservations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  event_id uuid NOT NULL REFERENCES events (id) ON DELETE RESTRICT,
  ticket_type_id uuid NOT NULL REFERENCES ticket_types (id) ON DELETE RESTRICT,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  quantity integer NOT NULL CHECK (quantity > 0),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'expired', 'cancelled')),
  expires_at timestamptz NOT NULL,
  released_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_reservations_tenant_status_expires ON reservations (tenant_id, status, expires_at);
CREATE INDEX IF NOT EXISTS idx_reservations_tenant_user_created ON reservations (tenant_id, user_id, created_at);
CREATE INDEX IF NOT EXISTS idx_reservations_event ON reservations (event_id);
CREATE INDEX IF NOT EXISTS idx_reservations_ticket_type ON reservations (ticket_type_id);
CREATE INDEX IF NOT EXISTS idx_reservations_user ON reservations (user_id);

ALTER TABLE reservations ENABLE ROW LEVEL SECURITY;
ALTER TABLE reservations FORCE ROW LEVEL SECURITY;
CREATE POLICY reservations_tenant_isolation ON reservations
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS reservations_tenant_isolation ON reservations;
DROP TABLE IF EXISTS reservations;
