-- migrate:up
CREATE TABLE invoices (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL,
  number text NOT NULL UNIQUE,
  amount_cents bigint NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_invoices_customer ON invoices (customer_id);

-- migrate:down
DROP TABLE invoices;
