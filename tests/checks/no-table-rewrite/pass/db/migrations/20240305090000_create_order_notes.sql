-- migrate:up
CREATE TABLE order_notes (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id bigint NOT NULL,
  body text NOT NULL
);
-- order_notes is new in this file: rewriting it costs nothing
ALTER TABLE order_notes ALTER COLUMN id TYPE bigint;
ALTER TABLE order_notes ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();

-- migrate:down
DROP TABLE order_notes;
