-- migrate:up
CREATE TABLE events (id uuid PRIMARY KEY, kind text NOT NULL);
-- migrate:down
DROP TABLE events;
