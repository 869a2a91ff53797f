-- Landlords and village leasing (issue 18 §7, 002 五1): landlords (出租方, incl. village collectives) with their premises,
-- their guarantee letters (保证书, the signed file in the evidence store), and the notices sent when a tenant is
-- confirmed as 散乱污; a village collective's lease so noticed is flagged for the town's responsibility assessment.

CREATE TABLE landlord (
    id             bigserial PRIMARY KEY,
    division_code  varchar(12) NOT NULL REFERENCES division (code),
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind           text        NOT NULL CHECK (kind IN ('PERSON', 'COMPANY', 'VILLAGE_COLLECTIVE')),
    contact_person text,
    contact_phone  text,
    version        integer     NOT NULL DEFAULT 0,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX landlord_division_idx ON landlord (division_code varchar_pattern_ops);

-- The premises a landlord lets, by the tenant enterprise of the ledger.
CREATE TABLE landlord_premises (
    landlord_id   bigint NOT NULL REFERENCES landlord (id),
    enterprise_id bigint NOT NULL,
    PRIMARY KEY (landlord_id, enterprise_id)
);
CREATE INDEX landlord_premises_enterprise_idx ON landlord_premises (enterprise_id);

CREATE TABLE guarantee_letter (
    id            bigserial PRIMARY KEY,
    landlord_id   bigint      NOT NULL REFERENCES landlord (id),
    signed_on     date        NOT NULL,
    attachment_id bigint      NOT NULL,
    recorded_by   text        NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX guarantee_letter_landlord_idx ON guarantee_letter (landlord_id, signed_on DESC);

-- A landlord told to stop leasing to a tenant confirmed as 散乱污; flagged for the town's assessment when a village
-- collective lets the premises.
CREATE TABLE landlord_notice (
    id                  bigserial PRIMARY KEY,
    landlord_id         bigint      NOT NULL REFERENCES landlord (id),
    enterprise_id       bigint      NOT NULL,
    division_code       varchar(12) NOT NULL,
    measure             text        NOT NULL,
    village_collective  boolean     NOT NULL,
    notified_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (landlord_id, enterprise_id)
);
CREATE INDEX landlord_notice_division_idx ON landlord_notice (division_code varchar_pattern_ops, id DESC);
