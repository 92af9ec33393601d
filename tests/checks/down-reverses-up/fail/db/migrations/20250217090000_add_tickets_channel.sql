-- migrate:up
CREATE TYPE ticket_channel AS ENUM ('email', 'chat', 'phone');
ALTER TABLE tickets ADD COLUMN IF NOT EXISTS channel ticket_channel;

-- migrate:down
ALTER TABLE tickets DROP COLUMN IF EXISTS channel;
DROP TYPE IF EXISTS ticket_channel;
DROP TYPE IF EXISTS ticket_priority;
