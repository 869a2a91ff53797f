-- Issue 21: the system administrator never sees a business account's one-time password. When he creates or resets a
-- business account, the account gets a password nobody knows and a hand-over waits for a district office whose
-- jurisdiction contains the account; that officer collects it once (the password is generated at that moment and never
-- stored in clear) and passes it on. A hand-over not collected within its validity expires.
CREATE TABLE credential_handover (
    id            bigserial PRIMARY KEY,
    user_id       bigint      NOT NULL REFERENCES app_user (id),
    kind          text        NOT NULL CHECK (kind IN ('CREATE', 'RESET_PASSWORD')),
    reason        text,
    requested_by  text        NOT NULL,
    requested_at  timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    state         text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'COLLECTED', 'SUPERSEDED')),
    collected_by  text,
    collected_at  timestamptz
);
CREATE UNIQUE INDEX credential_handover_one_pending ON credential_handover (user_id) WHERE state = 'PENDING';

-- disabling, enabling and re-binding an administrator's account wait for the security admin like creation and reset
ALTER TABLE admin_account_request DROP CONSTRAINT admin_account_request_kind_check;
ALTER TABLE admin_account_request ADD CONSTRAINT admin_account_request_kind_check
    CHECK (kind IN ('CREATE', 'RESET_PASSWORD', 'DISABLE', 'ENABLE', 'BIND'));
