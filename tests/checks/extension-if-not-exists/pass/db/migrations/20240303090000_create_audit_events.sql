-- migrate:up
-- gen_random_uuid() is core since PostgreSQL 13: no extension needed on 15
CREATE TABLE audit_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  action text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE audit_events;
