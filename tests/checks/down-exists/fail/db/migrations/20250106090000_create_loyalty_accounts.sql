-- migrate:up
CREATE TABLE loyalty_accounts (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id  uuid NOT NULL UNIQUE,
  points       integer NOT NULL DEFAULT 0 CHECK (points >= 0),
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE loyalty_accounts;
