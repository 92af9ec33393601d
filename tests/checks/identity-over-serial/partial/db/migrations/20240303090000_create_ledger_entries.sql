-- migrate:up
CREATE TABLE ledger_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account text NOT NULL,
  amount_cents bigint NOT NULL
);

-- migrate:down
DROP TABLE ledger_entries;
