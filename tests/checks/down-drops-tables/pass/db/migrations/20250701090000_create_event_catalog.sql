-- migrate:up
CREATE TABLE venues (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name      text NOT NULL,
  city      text NOT NULL,
  capacity  integer NOT NULL CHECK (capacity > 0)
);

CREATE TABLE ticket_types (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code         text NOT NULL UNIQUE,
  description  text NOT NULL
);

CREATE TABLE events (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  venue_id    uuid NOT NULL REFERENCES venues (id),
  name        text NOT NULL,
  starts_at   timestamptz NOT NULL
);

-- migrate:down
DROP TABLE events;
DROP TABLE ticket_types;
DROP TABLE venues;
