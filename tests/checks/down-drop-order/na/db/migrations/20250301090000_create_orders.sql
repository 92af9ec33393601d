-- migrate:up
CREATE TABLE orders (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id  uuid NOT NULL,
  total_cents  bigint NOT NULL
);

-- migrate:down
DO $$ BEGIN RAISE EXCEPTION 'irreversible: orders is the baseline table of this service'; END $$;
