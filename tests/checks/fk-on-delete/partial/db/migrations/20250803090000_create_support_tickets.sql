-- migrate:up
CREATE TABLE agents (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  email       text NOT NULL
);

CREATE TABLE support_tickets (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
  assignee_id  uuid REFERENCES agents (id) ON DELETE CASCADE,
  subject      text NOT NULL
);

-- migrate:down
DROP TABLE support_tickets;
DROP TABLE agents;
