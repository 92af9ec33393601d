-- migrate:up
CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  api_key_id uuid NOT NULL REFERENCES api_keys (id),
  expires_at timestamptz NOT NULL
);
CREATE INDEX idx_sessions_api_key ON sessions (api_key_id);

-- migrate:down
DROP TABLE sessions;
