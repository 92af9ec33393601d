-- migrate:up
CREATE TABLE order_notes (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id),
  body text NOT NULL
);
-- order_notes is new in this file: changing it rewrites nothing anyone uses
ALTER TABLE order_notes ALTER COLUMN id TYPE bigint;
ALTER TABLE order_notes ADD COLUMN created_at timestamptz NOT NULL DEFAULT clock_timestamp();

-- migrate:down
DROP TABLE order_notes;
