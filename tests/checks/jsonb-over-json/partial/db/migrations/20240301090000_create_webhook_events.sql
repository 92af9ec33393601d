-- migrate:up
CREATE TABLE webhook_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  provider text NOT NULL,
  payload json NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE webhook_events;
