-- migrate:up
CREATE TABLE subscriptions (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id  uuid NOT NULL,
  plan         text NOT NULL,
  status       text NOT NULL DEFAULT 'active',
  renews_at    timestamptz
);

-- migrate:down
DROP TABLE subscriptions;
