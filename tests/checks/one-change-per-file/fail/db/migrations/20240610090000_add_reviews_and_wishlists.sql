-- migrate:up
CREATE TABLE reviews (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id  uuid NOT NULL REFERENCES products (id),
  rating      smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body        text
);

CREATE TABLE review_votes (
  review_id   uuid NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  customer_id uuid NOT NULL,
  helpful     boolean NOT NULL,
  PRIMARY KEY (review_id, customer_id)
);

CREATE TABLE wishlists (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL
);

CREATE TABLE wishlist_items (
  wishlist_id uuid NOT NULL REFERENCES wishlists (id) ON DELETE CASCADE,
  product_id  uuid NOT NULL REFERENCES products (id),
  PRIMARY KEY (wishlist_id, product_id)
);

-- migrate:down
DROP TABLE wishlist_items;
DROP TABLE wishlists;
DROP TABLE review_votes;
DROP TABLE reviews;
