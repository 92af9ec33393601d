-- migrate:up
CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
  owner_email text NOT NULL,
  secret_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION api_key_matches(key_id uuid, presented text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT secret_hash = crypt(presented, secret_hash) FROM api_keys WHERE id = key_id
$$;

-- migrate:down
DROP FUNCTION api_key_matches(uuid, text);
DROP TABLE api_keys;
