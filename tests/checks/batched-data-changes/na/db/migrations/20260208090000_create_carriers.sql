-- migrate:up
CREATE TABLE carriers (
  code     text PRIMARY KEY,
  name     text NOT NULL
);
INSERT INTO carriers (code, name) VALUES ('dhl', 'DHL Express'), ('ups', 'UPS'), ('gls', 'GLS');

-- migrate:down
DROP TABLE carriers;
