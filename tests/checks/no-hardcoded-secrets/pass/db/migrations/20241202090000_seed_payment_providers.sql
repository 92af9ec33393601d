-- migrate:up
-- API keys are loaded at run time from the secret store; only the provider rows are seeded.
INSERT INTO payment_providers (name, api_key, enabled) VALUES
  ('stripe', NULL, false),
  ('adyen',  NULL, false);

-- The bootstrap admin's password is a bcrypt hash; the plain text was never committed.
INSERT INTO admin_users (email, password_hash) VALUES
  ('ops@example.com', '$2b$12$K1p3Fq8mZqYd0Yb2J5r9Uu1lT6cV8xW0nQ3sR7aE4dG9hJ2kL5mN.');

-- Login is granted without a password; the platform team sets it through Vault.
CREATE ROLE payments_reporting NOLOGIN;
GRANT SELECT ON payment_providers TO payments_reporting;

-- migrate:down
REVOKE SELECT ON payment_providers FROM payments_reporting;
DROP ROLE payments_reporting;
DELETE FROM admin_users WHERE email = 'ops@example.com';
DELETE FROM payment_providers WHERE name IN ('stripe', 'adyen');
