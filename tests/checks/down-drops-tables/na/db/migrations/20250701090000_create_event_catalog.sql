-- migrate:up
CREATE TABLE venues (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name      text NOT NULL,
  city      text NOT NULL,
  capacity  integer NOT NULL CHECK (capacity > 0)
);

CREATE TABLE events (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  venue_id    uuid NOT NULL REFERENCES venues (id),
  name        text NOT NULL,
  starts_at   timestamptz NOT NULL
);

-- migrate:down
DO $$ BEGIN RAISE EXCEPTION 'irreversible: baseline schema of the event catalog'; END $$;
