-- migrate:up
CREATE TABLE credit_notes (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id    uuid NOT NULL,
  invoice_id   uuid NOT NULL REFERENCES invoices (id),
  amount_cents bigint NOT NULL
);

ALTER TABLE credit_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE credit_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY credit_notes_tenant_isolation ON credit_notes
  USING (tenant_id = current_setting('app.tenant_id', true)::uuid);

-- migrate:down
-- The policy goes with the table.
DROP TABLE credit_notes;
