-- migrate:up
CREATE TABLE refunds (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id    bigint NOT NULL
  amount      numeric(12, 2) NOT NULL CHECK (amount > 0),
  reason      text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE IF EXISTS refunds;
