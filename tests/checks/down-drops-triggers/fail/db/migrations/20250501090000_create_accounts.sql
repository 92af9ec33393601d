-- migrate:up
CREATE TABLE accounts (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email       text NOT NULL UNIQUE,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE accounts;
