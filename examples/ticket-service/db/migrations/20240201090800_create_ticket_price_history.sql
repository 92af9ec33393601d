-- Price changes of ticket types (append-only).
-- migrate:up
-- The foreign keys take SHARE ROW EXCLUSIVE on the tables they reference: fail fast.
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS ticket_price_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  ticket_type_id uuid NOT NULL REFERENCES ticket_types (id) ON DELETE RESTRICT,
  old_price_cents bigint CHECK (old_price_cents >= 0),
  new_price_cents bigint NOT NULL CHECK (new_price_cents >= 0),
  changed_by uuid REFERENCES users (id) ON DELETE RESTRICT,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_ticket_price_history_tenant_changed ON ticket_price_history (tenant_id, changed_at);
CREATE INDEX IF NOT EXISTS idx_ticket_price_history_ticket_type_changed ON ticket_price_history (ticket_type_id, changed_at);
CREATE INDEX IF NOT EXISTS idx_ticket_price_history_changed_by ON ticket_price_history (changed_by);

ALTER TABLE ticket_price_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_price_history FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_price_history_tenant_isolation ON ticket_price_history
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS ticket_price_history_tenant_isolation ON ticket_price_history;
DROP TABLE IF EXISTS ticket_price_history;
