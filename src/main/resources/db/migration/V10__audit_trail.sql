-- Append-only audit trail with an SM3 hash chain (issue: access control and audit).
CREATE TABLE audit_record (
    id             bigint PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    username       text,
    role_code      text,
    division_code  text,
    client_address text,
    action         text NOT NULL,
    object_type    text,
    object_id      text,
    outcome        text NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
    reason         text,
    details        text NOT NULL DEFAULT '{}',
    prev_hash      char(64) NOT NULL,
    hash           char(64) NOT NULL
);
CREATE SEQUENCE audit_record_id_seq;
CREATE INDEX audit_record_time_idx ON audit_record (occurred_at);
CREATE INDEX audit_record_user_idx ON audit_record (username);
CREATE INDEX audit_record_object_idx ON audit_record (object_type, object_id);

-- Nobody changes or removes an audit row through normal SQL, not even the owner.
CREATE FUNCTION audit_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '审计记录只能追加，不能修改或删除 (audit_record is append-only)';
END;
$$;
CREATE TRIGGER audit_record_no_update BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_is_append_only();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_is_append_only();

-- Daily anchors: the head of the chain at the end of each day, also written to a file outside the database.
CREATE TABLE audit_anchor (
    anchor_date date PRIMARY KEY,
    last_id     bigint   NOT NULL,
    head_hash   char(64) NOT NULL,
    written_at  timestamptz NOT NULL DEFAULT now()
);

-- ShedLock: scheduled jobs run on one node at a time.
CREATE TABLE shedlock (
    name       varchar(64)  NOT NULL PRIMARY KEY,
    lock_until timestamp    NOT NULL,
    locked_at  timestamp    NOT NULL,
    locked_by  varchar(255) NOT NULL
);
