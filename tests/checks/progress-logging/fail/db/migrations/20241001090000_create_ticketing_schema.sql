-- migrate:up
CREATE TABLE ticket_queues (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL,
  name        text NOT NULL,
  UNIQUE (tenant_id, name)
);

CREATE TABLE tickets (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL,
  queue_id    uuid NOT NULL REFERENCES ticket_queues (id),
  subject     text NOT NULL,
  status      text NOT NULL DEFAULT 'open',
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ticket_comments (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL,
  ticket_id   uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  author_id   uuid NOT NULL,
  body        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ticket_comment_attachments (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL,
  comment_id  uuid NOT NULL REFERENCES ticket_comments (id) ON DELETE CASCADE,
  file_key    text NOT NULL
);

CREATE INDEX idx_tickets_queue_id ON tickets (queue_id);
CREATE INDEX idx_tickets_tenant_id_status ON tickets (tenant_id, status);
CREATE INDEX idx_ticket_comments_ticket_id ON ticket_comments (ticket_id);
CREATE INDEX idx_ticket_comment_attachments_comment_id ON ticket_comment_attachments (comment_id);

ALTER TABLE ticket_queues ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_queues FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_queues_tenant_isolation ON ticket_queues
  USING (tenant_id = current_setting('app.tenant_id', true)::uuid);

ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
ALTER TABLE tickets FORCE ROW LEVEL SECURITY;
CREATE POLICY tickets_tenant_isolation ON tickets
  USING (tenant_id = current_setting('app.tenant_id', true)::uuid);

ALTER TABLE ticket_comments ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_comments FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_comments_tenant_isolation ON ticket_comments
  USING (tenant_id = current_setting('app.tenant_id', true)::uuid);

ALTER TABLE ticket_comment_attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_comment_attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_comment_attachments_tenant_isolation ON ticket_comment_attachments
  USING (tenant_id = current_setting('app.tenant_id', true)::uuid);

COMMENT ON TABLE tickets IS 'Customer support tickets, one row per conversation';

-- migrate:down
DROP TABLE IF EXISTS ticket_comment_attachments;
DROP TABLE IF EXISTS ticket_comments;
DROP TABLE IF EXISTS tickets;
DROP TABLE IF EXISTS ticket_queues;
