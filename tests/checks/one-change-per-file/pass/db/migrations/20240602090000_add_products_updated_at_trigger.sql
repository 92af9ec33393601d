-- migrate:up
ALTER TABLE products ADD COLUMN IF NOT EXISTS updated_at timestamptz NOT NULL DEFAULT now();

CREATE OR REPLACE FUNCTION products_touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER products_touch_updated_at BEFORE UPDATE ON products
  FOR EACH ROW EXECUTE FUNCTION products_touch_updated_at();

-- migrate:down
DROP TRIGGER IF EXISTS products_touch_updated_at ON products;
DROP FUNCTION IF EXISTS products_touch_updated_at();
ALTER TABLE products DROP COLUMN IF EXISTS updated_at;
