CREATE TABLE tickets (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL,
  subject     text NOT NULL,
  status      text NOT NULL DEFAULT 'open'
);

CREATE INDEX idx_tickets_tenant_id ON tickets (tenant_id);
