-- migrate:up
-- Kept for reference after the basket -> cart rename (applied in 2023, superseded).
CREATE TABLE baskets (
  id           uuid PRIMARY KEY,
  customer_id  uuid,
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE baskets;
