-- migrate:up
CREATE TABLE shipments (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id      uuid NOT NULL,
  carrier       text NOT NULL,
  status        text,
  delivered_at  timestamptz
);

-- migrate:down
DROP TABLE shipments;
