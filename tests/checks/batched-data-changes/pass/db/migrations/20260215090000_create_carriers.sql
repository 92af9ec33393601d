-- migrate:up
-- carriers is created here: a whole-table UPDATE on it touches only the rows inserted above it.
CREATE TABLE carriers (
  code     text PRIMARY KEY,
  name     text NOT NULL,
  active   boolean
);
INSERT INTO carriers (code, name) VALUES ('dhl', 'DHL Express'), ('ups', 'UPS'), ('gls', 'GLS');
UPDATE carriers SET active = true;

-- migrate:down
DROP TABLE carriers;
