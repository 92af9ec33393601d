-- migrate:up
CREATE TABLE price_lists (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE,
  currency char(3) NOT NULL DEFAULT 'EUR'
);

-- migrate:down
DROP TABLE price_lists;
