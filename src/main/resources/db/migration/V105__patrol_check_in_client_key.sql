-- A phone that checked in without signal sends its check-ins later, perhaps more than once (issue 16 §6): each carries
-- the key the phone gave it, and a resend answers the check-in recorded the first time.
ALTER TABLE patrol_check_in ADD COLUMN client_key text CHECK (length(client_key) BETWEEN 1 AND 64);
CREATE UNIQUE INDEX patrol_check_in_client_key_idx ON patrol_check_in (recorded_by, client_key) WHERE client_key IS NOT NULL;
