-- migrate:up
CREATE TABLE payment_providers (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL UNIQUE,
  api_key     text,
  enabled     boolean NOT NULL DEFAULT false
);

CREATE TABLE admin_users (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email          text NOT NULL UNIQUE,
  password_hash  text NOT NULL
);

-- migrate:down
DROP TABLE admin_users;
DROP TABLE payment_providers;
