-- Administrative divisions (统计用区划代码): 2-digit provinces to 12-digit villages and communities.
CREATE TABLE division (
    code        varchar(12) PRIMARY KEY CHECK (code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$'),
    name        text        NOT NULL,
    parent_code varchar(12) REFERENCES division (code),
    CHECK ((length(code) = 2) = (parent_code IS NULL))
);
CREATE INDEX division_parent_idx ON division (parent_code);
CREATE INDEX division_code_prefix_idx ON division (code varchar_pattern_ops);

-- Which reference data set is loaded, so loaders are idempotent and can be upgraded.
CREATE TABLE reference_dataset (
    name       text PRIMARY KEY,
    edition    text        NOT NULL,
    row_count  integer     NOT NULL,
    loaded_at  timestamptz NOT NULL DEFAULT now(),
    load_millis integer    NOT NULL
);
