-- migrate:up
CREATE TABLE customer_notes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  body text NOT NULL
);
CREATE INDEX idx_customer_notes_customer ON customer_notes (customer_id);

-- migrate:down
DROP TABLE customer_notes;
