-- migrate:up
CREATE TABLE webhook_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  provider text NOT NULL,
  payload jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_webhook_events_payload ON webhook_events USING gin (payload jsonb_path_ops);

-- migrate:down
DROP TABLE webhook_events;
