-- migrate:up
CREATE TABLE product_search_terms (
  product_id  uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  term        text NOT NULL,
  PRIMARY KEY (product_id, term)
);

CREATE OR REPLACE FUNCTION product_search_terms_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM product_search_terms WHERE product_id = NEW.id;
  INSERT INTO product_search_terms (product_id, term)
  SELECT NEW.id, lower(w) FROM regexp_split_to_table(NEW.title, '\s+') AS w
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END;
$$;

CREATE TRIGGER product_search_terms_sync AFTER INSERT OR UPDATE OF title ON products
  FOR EACH ROW EXECUTE FUNCTION product_search_terms_sync();

INSERT INTO product_search_terms (product_id, term)
SELECT p.id, lower(w) FROM products p, regexp_split_to_table(p.title, '\s+') AS w
ON CONFLICT DO NOTHING;

CREATE INDEX idx_products_title ON products (title);

-- migrate:down
DROP INDEX IF EXISTS idx_products_title;
DROP TRIGGER IF EXISTS product_search_terms_sync ON products;
DROP FUNCTION IF EXISTS product_search_terms_sync();
DROP TABLE IF EXISTS product_search_terms;
