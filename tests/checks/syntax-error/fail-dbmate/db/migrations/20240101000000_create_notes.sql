CREATE EXTENSION IF NOT EXISTS pgcrypto;
-- migrate:up
CREATE TABLE notes (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), body text NOT NULL);
