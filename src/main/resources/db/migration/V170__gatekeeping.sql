-- Gatekeeping (issue 18 §6): the entry red line (准入红线, 002 五1, 004 四(二)) as data, and the connection requests
-- that utilities screen (002 五1). Lookups themselves are kept in the audit trail, not here.

CREATE TABLE red_line_area (
    id                     bigserial PRIMARY KEY,
    -- the district (or town) that keeps the area; lookups under it see the area
    division_code          varchar(12) NOT NULL REFERENCES division (code),
    name                   text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- the area as divisions (a town, villages) and/or a GeoJSON Polygon/MultiPolygon in WGS-84 [lon, lat]
    division_codes         text[]      NOT NULL DEFAULT '{}',
    boundary               text,
    -- ledger.Industry codes or free text; empty: every production enterprise is banned there
    banned_industries      text[]      NOT NULL DEFAULT '{}',
    document_title         text        NOT NULL,
    document_number        text,
    document_attachment_id bigint,
    legal_basis            text        NOT NULL,
    active                 boolean     NOT NULL DEFAULT true,
    version                integer     NOT NULL DEFAULT 0,
    created_by             text        NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_by             text        NOT NULL,
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CHECK (cardinality(division_codes) > 0 OR boundary IS NOT NULL)
);
CREATE INDEX red_line_area_division_idx ON red_line_area (division_code varchar_pattern_ops) WHERE active;

-- A new water, power or gas connection screened by a utility (or an officer for it), with the answer given.
CREATE TABLE gatekeeping_connection (
    id             bigserial PRIMARY KEY,
    division_code  varchar(12) NOT NULL REFERENCES division (code),
    utility        text        NOT NULL CHECK (utility IN ('WATER', 'POWER', 'GAS')),
    account_number text        NOT NULL,
    address        text,
    longitude      double precision,
    latitude       double precision,
    banned         boolean     NOT NULL,
    reasons        text        NOT NULL DEFAULT '',
    alerted_division varchar(12),
    requested_by   text        NOT NULL,
    requested_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gatekeeping_connection_division_idx ON gatekeeping_connection (division_code varchar_pattern_ops, id DESC);

-- Serves the gatekeeping lookup by coordinates (EnterpriseSites.near): a GiST index on the ledger's site points, so a
-- bounding box and nearest-first order stay fast at a million enterprises. It belongs to the ledger's table but exists
-- only for this lookup, hence it lives in the gatekeeping range of migrations.
CREATE INDEX enterprise_site_point_idx ON enterprise USING gist (point(longitude, latitude))
    WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND status = 'ACTIVE';
