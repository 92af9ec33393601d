-- migrate:up
INSERT INTO payment_providers (name, api_key, enabled) VALUES
  ('stripe', 'sk_live_51HqLyjWDarjtT1zdp7dcXfakeKEYfortests00', true);

CREATE ROLE payments_reporting LOGIN PASSWORD 'Rep0rting-2024!';
GRANT SELECT ON payment_providers TO payments_reporting;

-- migrate:down
REVOKE SELECT ON payment_providers FROM payments_reporting;
DROP ROLE payments_reporting;
DELETE FROM payment_providers WHERE name = 'stripe';
