-- migrate:up
CREATE TABLE order_lines (id uuid PRIMARY KEY, order_id uuid NOT NULL REFERENCES orders (id));

-- migrate:down
SELECT 1;
