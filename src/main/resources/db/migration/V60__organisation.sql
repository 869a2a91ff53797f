-- The campaign's organisation (000 and 004 ask for exactly these fields): the leading group (领导小组), its office
-- (办公室) and each reporting unit's liaison (联络员). Every row carries a version; every change is kept in
-- organisation_change (append-only) and audited.

CREATE TABLE leading_group_member (
    id            bigserial   PRIMARY KEY,
    district_code varchar(12) NOT NULL,
    role          text        NOT NULL CHECK (role IN ('LEADER', 'DEPUTY', 'MEMBER')),
    person        text        NOT NULL,
    unit          text        NOT NULL,
    post          text,
    active        boolean     NOT NULL DEFAULT true,
    version       int         NOT NULL DEFAULT 1,
    updated_at    timestamptz NOT NULL,
    updated_by    text        NOT NULL
);
CREATE INDEX leading_group_member_district_idx ON leading_group_member (district_code, active);

CREATE TABLE campaign_office (
    district_code varchar(12) PRIMARY KEY,
    location      text,
    director      text,
    phone         text,
    version       int         NOT NULL DEFAULT 1,
    updated_at    timestamptz NOT NULL,
    updated_by    text        NOT NULL
);

-- unit_key: the division code of a town (street) or of the district itself, or a department's code
CREATE TABLE liaison (
    unit_key      text        PRIMARY KEY,
    division_code varchar(12) NOT NULL,   -- where the unit lies: the town, or the district for the district and departments
    section       text,                   -- 科室: the department inside the unit
    name          text        NOT NULL,
    post          text,
    phone         text        NOT NULL,
    version       int         NOT NULL DEFAULT 1,
    updated_at    timestamptz NOT NULL,
    updated_by    text        NOT NULL
);

CREATE TABLE organisation_change (
    id          bigserial   PRIMARY KEY,
    object_type text        NOT NULL,     -- LeadingGroupMember, CampaignOffice, Liaison
    object_key  text        NOT NULL,
    version     int         NOT NULL,
    content     jsonb       NOT NULL,     -- the row as it became
    reason      text,
    changed_at  timestamptz NOT NULL,
    changed_by  text        NOT NULL
);
CREATE INDEX organisation_change_object_idx ON organisation_change (object_type, object_key, version);

CREATE FUNCTION organisation_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'organisation_change is append-only';
END $$;
CREATE TRIGGER organisation_change_no_change BEFORE UPDATE OR DELETE ON organisation_change
    FOR EACH ROW EXECUTE FUNCTION organisation_change_append_only();
