INSERT INTO carts (id, customer_id) VALUES
  ('6f1c0d1e-0a4b-4a8e-9d55-0c2f7f0b9a01', NULL),
  ('6f1c0d1e-0a4b-4a8e-9d55-0c2f7f0b9a02', '2b7e1516-28ae-4d2a-abf7-15880924f3c1');
