-- migrate:up
CREATE TABLE order_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id bigint NOT NULL,
  kind text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_order_events_order ON order_events (order_id);
ALTER TABLE order_events ADD COLUMN payload jsonb;

-- migrate:down
DROP TABLE order_events;
