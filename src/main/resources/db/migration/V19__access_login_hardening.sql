-- Issue 21: login attempts are throttled per client address as well as per account.
ALTER TABLE login_policy
    ADD COLUMN address_max_failures   integer NOT NULL DEFAULT 30 CHECK (address_max_failures BETWEEN 5 AND 1000),
    ADD COLUMN address_window_minutes integer NOT NULL DEFAULT 10 CHECK (address_window_minutes BETWEEN 1 AND 1440);

-- failed sign-ins per client address in the current window (one row per address, reset when the window has passed)
CREATE TABLE login_address_failure (
    client_address text PRIMARY KEY,
    failures       integer     NOT NULL,
    window_start   timestamptz NOT NULL
);
