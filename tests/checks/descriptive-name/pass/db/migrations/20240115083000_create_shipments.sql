-- migrate:up
CREATE TABLE shipments (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id     uuid NOT NULL,
  carrier      text NOT NULL,
  tracking_no  text,
  shipped_at   timestamptz
);

-- migrate:down
DROP TABLE shipments;
