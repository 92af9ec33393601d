-- Attendance statistics: users.events_attended counts the events for which the user holds at
-- least one `used` ticket. A ticket turning `used` increments it once per user and event (a
-- second used ticket for the same event does not count again); a ticket turning back from
-- `used` decrements it when no other used ticket for that event remains, never below zero.
-- The user's row is locked first, so two tickets of one user changing at once count once.
-- migrate:up
-- CREATE TRIGGER takes SHARE ROW EXCLUSIVE on tickets.
SET LOCAL lock_timeout = '5s';
CREATE OR REPLACE FUNCTION ticket_track_attendance() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  was_used boolean := OLD.status = 'used';
  is_used boolean := NEW.status = 'used';
BEGIN
  IF was_used AND is_used AND OLD.user_id = NEW.user_id AND OLD.event_id = NEW.event_id THEN
    RETURN NULL;
  END IF;
  IF was_used THEN
    PERFORM 1 FROM users WHERE id = OLD.user_id FOR UPDATE;
    IF NOT EXISTS (SELECT 1 FROM tickets t
                    WHERE t.user_id = OLD.user_id AND t.event_id = OLD.event_id
                      AND t.status = 'used' AND t.id <> OLD.id) THEN
      UPDATE users SET events_attended = GREATEST(events_attended - 1, 0) WHERE id = OLD.user_id;
    END IF;
  END IF;
  IF is_used THEN
    PERFORM 1 FROM users WHERE id = NEW.user_id FOR UPDATE;
    IF NOT EXISTS (SELECT 1 FROM tickets t
                    WHERE t.user_id = NEW.user_id AND t.event_id = NEW.event_id
                      AND t.status = 'used' AND t.id <> NEW.id) THEN
      UPDATE users SET events_attended = events_attended + 1 WHERE id = NEW.user_id;
    END IF;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER tickets_track_attendance
  AFTER UPDATE OF status, user_id, event_id ON tickets
  FOR EACH ROW
  WHEN (OLD.status = 'used' OR NEW.status = 'used')
  EXECUTE FUNCTION ticket_track_attendance();

-- migrate:down
SET LOCAL lock_timeout = '5s';
DROP TRIGGER IF EXISTS tickets_track_attendance ON tickets;
DROP FUNCTION IF EXISTS ticket_track_attendance();
