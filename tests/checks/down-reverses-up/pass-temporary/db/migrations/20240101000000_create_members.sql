-- migrate:up
CREATE TABLE members (id uuid PRIMARY KEY, email text);

-- migrate:down
DROP TABLE members;
