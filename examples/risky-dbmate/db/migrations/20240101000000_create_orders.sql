-- migrate:up
CREATE TABLE orders (
  id serial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  total numeric(10,2),
  created_at timestamp DEFAULT now(),
  payload json
);

-- migrate:down
DROP TABLE orders;
