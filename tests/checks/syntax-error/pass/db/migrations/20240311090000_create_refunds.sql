-- migrate:up
CREATE TABLE refunds (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id    bigint NOT NULL,
  amount      numeric(12, 2) NOT NULL CHECK (amount > 0),
  reason      text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION refunds_set_created_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.created_at := coalesce(NEW.created_at, now());
  RETURN NEW;
END;
$$;

CREATE TRIGGER refunds_created_at BEFORE INSERT ON refunds
  FOR EACH ROW EXECUTE FUNCTION refunds_set_created_at();

-- migrate:down
DROP TRIGGER IF EXISTS refunds_created_at ON refunds;
DROP FUNCTION IF EXISTS refunds_set_created_at();
DROP TABLE IF EXISTS refunds;
