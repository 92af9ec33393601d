-- Notifications to ticket holders (e-mail, SMS, push).
-- migrate:up
-- The foreign keys take SHARE ROW EXCLUSIVE on the tables they reference: fail fast.
SET LOCAL lock_timeout = '5s';
CREATE TABLE IF NOT EXISTS ticket_notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  ticket_id uuid REFERENCES tickets (id) ON DELETE RESTRICT,
  type text NOT NULL CHECK (type IN ('email', 'sms', 'push')),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  message text NOT NULL,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_ticket_notifications_tenant_status_created ON ticket_notifications (tenant_id, status, created_at);
CREATE INDEX IF NOT EXISTS idx_ticket_notifications_user ON ticket_notifications (user_id);
CREATE INDEX IF NOT EXISTS idx_ticket_notifications_ticket ON ticket_notifications (ticket_id);

ALTER TABLE ticket_notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_notifications_tenant_isolation ON ticket_notifications
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS ticket_notifications_tenant_isolation ON ticket_notifications;
DROP TABLE IF EXISTS ticket_notifications;
