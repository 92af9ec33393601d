-- migrate:up
CREATE TABLE order_notes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id    uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  author_id   uuid NOT NULL,
  body        text NOT NULL
);

CREATE INDEX idx_order_notes_order_id ON order_notes (order_id);

-- migrate:down
DROP TABLE order_notes;
