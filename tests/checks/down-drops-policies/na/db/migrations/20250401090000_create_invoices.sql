-- migrate:up
CREATE TABLE invoices (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id    uuid NOT NULL,
  number       text NOT NULL,
  total_cents  bigint NOT NULL,
  UNIQUE (tenant_id, number)
);

-- migrate:down
DROP TABLE invoices;
