-- migrate:up
CREATE TABLE carriers (
  code text PRIMARY KEY,
  name text NOT NULL,
  service_start date NOT NULL
);

-- migrate:down
DROP TABLE carriers;
