-- Issue 21: the system administrator alone can neither mint a business-role API token nor take over an
-- administrator's account. A district office requests a token for its own jurisdiction, the system admin approves,
-- and only the requester is shown the token; creating an administrator or resetting an administrator's password
-- waits for the security admin, who is shown the one-time password (the requester never is).
CREATE TABLE api_token_request (
    id              bigserial PRIMARY KEY,
    name            text        NOT NULL,
    role_code       text        NOT NULL REFERENCES role (code),
    division_code   varchar(12) NOT NULL REFERENCES division (code),
    department_code text REFERENCES department (code),
    reason          text        NOT NULL,
    requested_by    text        NOT NULL,
    requested_at    timestamptz NOT NULL DEFAULT now(),
    state           text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED', 'ISSUED')),
    decided_by      text,
    decided_at      timestamptz,
    decision_reason text,
    token_id        bigint REFERENCES api_token (id)
);
CREATE INDEX api_token_request_requester_idx ON api_token_request (requested_by, id DESC);

ALTER TABLE api_token ADD COLUMN request_id bigint REFERENCES api_token_request (id);
ALTER TABLE api_token ADD COLUMN approved_by text;

CREATE TABLE admin_account_request (
    id              bigserial PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('CREATE', 'RESET_PASSWORD')),
    target_user_id  bigint REFERENCES app_user (id),
    username        text        NOT NULL,
    display_name    text        NOT NULL,
    role_code       text        NOT NULL REFERENCES role (code),
    division_code   varchar(12) NOT NULL REFERENCES division (code),
    department_code text REFERENCES department (code),
    phone           text,
    reason          text,
    requested_by    text        NOT NULL,
    requested_at    timestamptz NOT NULL DEFAULT now(),
    state           text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by      text,
    decided_at      timestamptz,
    decision_reason text
);
CREATE UNIQUE INDEX admin_account_request_one_pending ON admin_account_request (username) WHERE state = 'PENDING';
