CREATE TABLE invoices (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id  uuid NOT NULL,
  number       text NOT NULL UNIQUE,
  total_cents  bigint NOT NULL,
  issued_at    timestamptz NOT NULL DEFAULT now()
);
