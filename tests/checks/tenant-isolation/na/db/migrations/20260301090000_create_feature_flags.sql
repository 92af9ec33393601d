-- migrate:up
-- Flags are global to the deployment, not per tenant.
CREATE TABLE feature_flags (
  key          text PRIMARY KEY,
  enabled      boolean NOT NULL DEFAULT false,
  description  text,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE feature_flags;
