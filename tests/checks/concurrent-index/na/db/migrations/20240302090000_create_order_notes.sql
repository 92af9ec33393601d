-- migrate:up
CREATE TABLE order_notes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id),
  body text NOT NULL
);
CREATE INDEX idx_order_notes_order ON order_notes (order_id);

-- migrate:down
DROP TABLE order_notes;
