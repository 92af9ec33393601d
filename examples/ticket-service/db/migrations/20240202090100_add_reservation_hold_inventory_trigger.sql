-- Reserving holds inventory: a reservation inserted as pending or confirmed moves its quantity
-- from ticket_types.available_quantity to reserved_quantity. The CHECK
-- ticket_types_available_quantity_check turns an oversell into an error (the reservation is
-- not inserted) instead of a negative stock. The row lock of the UPDATE serialises concurrent
-- reservations of one ticket type.
-- migrate:up
-- CREATE TRIGGER takes SHARE ROW EXCLUSIVE on reservations.
SET LOCAL lock_timeout = '5s';
CREATE OR REPLACE FUNCTION ticket_reservation_hold_inventory() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE ticket_types
     SET available_quantity = available_quantity - NEW.quantity,
         reserved_quantity = reserved_quantity + NEW.quantity,
         updated_at = now()
   WHERE id = NEW.ticket_type_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'reservation %: ticket type % not found', NEW.id, NEW.ticket_type_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER reservations_hold_inventory
  AFTER INSERT ON reservations
  FOR EACH ROW
  WHEN (NEW.status IN ('pending', 'confirmed'))
  EXECUTE FUNCTION ticket_reservation_hold_inventory();

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP TRIGGER IF EXISTS reservations_hold_inventory ON reservations;
DROP FUNCTION IF EXISTS ticket_reservation_hold_inventory();
