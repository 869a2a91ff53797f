-- Complaints from the public (issue 19): intake from the public page, the hotline, Open311 clients and 12369 batches;
-- handling (triage → town with a deadline → verified on site → founded / unfounded → reply → rating); the reporter's
-- contact sealed by the field cipher (SM4) and deleted after the retention period; rewards; published typical cases.

CREATE TABLE complaint (
    id                bigserial PRIMARY KEY,
    tracking_code     text        NOT NULL UNIQUE,
    channel           text        NOT NULL CHECK (channel IN ('WEB', 'HOTLINE', 'OPEN311', 'IMPORT_12369', 'REBOUND')),
    external_ref      text,
    service_code      text        NOT NULL,
    description       text        NOT NULL,
    address           text,
    longitude         double precision,
    latitude          double precision,
    district_code     varchar(12) NOT NULL,
    division_code     varchar(12) NOT NULL,
    state             text        NOT NULL CHECK (state IN ('RECEIVED', 'TRIAGED', 'ASSIGNED', 'VERIFIED', 'FOUNDED', 'UNFOUNDED',
                                                            'REPLIED', 'RATED')),
    founded           boolean,
    deadline          date,
    deadline_rule     text,
    -- sealed by the field cipher (sm4:<key>:<base64>); never plain text
    reporter_name     text,
    reporter_phone    text,
    reporter_id_no    text,
    contact_deleted_at timestamptz,
    received_at       timestamptz NOT NULL,
    received_by       text        NOT NULL,
    triage_note       text,
    check_in_at       timestamptz,
    check_in_longitude double precision,
    check_in_latitude double precision,
    verification_note text,
    enterprise_id     bigint,
    lead_id           bigint,
    case_id           bigint,
    unfounded_reason  text,
    reply             text,
    replied_at        timestamptz,
    rating            integer CHECK (rating BETWEEN 1 AND 5),
    rating_comment    text,
    rated_at          timestamptz,
    reminded_on       date,
    escalated_at      timestamptz,
    updated_at        timestamptz NOT NULL,
    version           integer     NOT NULL DEFAULT 0,
    CHECK (reporter_name IS NULL OR reporter_name LIKE 'sm4:%'),
    CHECK (reporter_phone IS NULL OR reporter_phone LIKE 'sm4:%'),
    CHECK (reporter_id_no IS NULL OR reporter_id_no LIKE 'sm4:%')
);

CREATE INDEX complaint_division ON complaint (division_code text_pattern_ops);
CREATE INDEX complaint_state ON complaint (state, deadline);
CREATE UNIQUE INDEX complaint_external_ref ON complaint (channel, external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX complaint_enterprise ON complaint (enterprise_id) WHERE enterprise_id IS NOT NULL;

-- The complaint's timeline. public_note is what the reporter may read; note and actor are for officers only.
CREATE TABLE complaint_step (
    id            bigserial PRIMARY KEY,
    complaint_id  bigint      NOT NULL REFERENCES complaint (id),
    kind          text        NOT NULL,
    at            timestamptz NOT NULL,
    actor         text        NOT NULL,
    note          text,
    public_note   text
);

CREATE INDEX complaint_step_complaint ON complaint_step (complaint_id, at);

-- The reward of a founded complaint (001 三（一）12369有奖举报): decided, then paid. The reporter is never copied here.
CREATE TABLE complaint_reward (
    complaint_id  bigint PRIMARY KEY REFERENCES complaint (id),
    amount        numeric(10, 2) NOT NULL CHECK (amount >= 0),
    decision      text        NOT NULL,
    decided_at    timestamptz NOT NULL,
    decided_by    text        NOT NULL,
    paid_at       timestamptz,
    paid_by       text,
    version       integer     NOT NULL DEFAULT 0
);

-- Proof-of-work challenges of the public form: issued, then used once.
CREATE TABLE complaint_challenge (
    nonce       text PRIMARY KEY,
    bits        integer     NOT NULL,
    issued_at   timestamptz NOT NULL,
    used_at     timestamptz
);

-- Typical cases (典型案例) the district publishes (002: 集中曝光一批查处违法违规“散乱污”企业的典型案例).
CREATE TABLE complaint_typical_case (
    id            bigserial PRIMARY KEY,
    district_code varchar(12) NOT NULL,
    title         text        NOT NULL,
    body          text        NOT NULL,
    published_on  date        NOT NULL,
    published_at  timestamptz NOT NULL,
    published_by  text        NOT NULL,
    withdrawn_at  timestamptz,
    version       integer     NOT NULL DEFAULT 0
);
