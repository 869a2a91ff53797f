-- Policies (实施方案) as data: every version ever registered is kept unchanged, so a classification
-- that records (policy_id, version) can always be explained again.
CREATE TABLE policy_version (
    policy_id     text        NOT NULL CHECK (policy_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    version       integer     NOT NULL CHECK (version > 0),
    title         text        NOT NULL,
    content       text        NOT NULL,
    content_hash  text        NOT NULL,
    origin        text        NOT NULL CHECK (origin IN ('SHIPPED', 'UPLOADED')),
    registered_at timestamptz NOT NULL DEFAULT now(),
    registered_by text        NOT NULL,
    PRIMARY KEY (policy_id, version)
);

-- Which policy version the deployment applies: the latest row is active; earlier rows are its history.
CREATE TABLE policy_activation (
    id           bigserial   PRIMARY KEY,
    policy_id    text        NOT NULL,
    version      integer     NOT NULL,
    activated_at timestamptz NOT NULL DEFAULT now(),
    activated_by text        NOT NULL,
    FOREIGN KEY (policy_id, version) REFERENCES policy_version (policy_id, version)
);

CREATE FUNCTION policy_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are never changed or deleted', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER policy_version_append_only BEFORE UPDATE OR DELETE ON policy_version
    FOR EACH ROW EXECUTE FUNCTION policy_history_is_append_only();
CREATE TRIGGER policy_activation_append_only BEFORE UPDATE OR DELETE ON policy_activation
    FOR EACH ROW EXECUTE FUNCTION policy_history_is_append_only();

-- Zones assigned to divisions by administrators (e.g. a community inside the second ring road);
-- they take precedence over the policy file's defaults at the same division level.
CREATE TABLE policy_zone_assignment (
    policy_id     text        NOT NULL,
    division_code varchar(12) NOT NULL REFERENCES division (code),
    zone          text        NOT NULL,
    assigned_at   timestamptz NOT NULL DEFAULT now(),
    assigned_by   text        NOT NULL,
    PRIMARY KEY (policy_id, division_code)
);

-- Holiday announcements uploaded by administrators (same JSON as the shipped files); the latest
-- upload of a year replaces the shipped or earlier data of that year. Uploads are kept.
CREATE TABLE working_day_year (
    id          bigserial   PRIMARY KEY,
    year        integer     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    content     text        NOT NULL,
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    uploaded_by text        NOT NULL
);
CREATE INDEX working_day_year_year_idx ON working_day_year (year, id DESC);
