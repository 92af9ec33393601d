-- migrate:up
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION pgcrypto;

-- migrate:down
DROP EXTENSION IF EXISTS pgcrypto;
