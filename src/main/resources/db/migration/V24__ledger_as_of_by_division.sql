-- The ledger as of an instant, read from the division's own enterprises (issue 22 §1). V23 walked every enterprise
-- and every classification record of the province and kept the division's at the end, so a district's tally grew
-- with the province: 2.4 s for a district of 25,000 among 500,000 enterprises. Same signature, same rows; now
--   * the candidates are the enterprises under the prefix today (a range over enterprise_as_of_idx, index only) and
--     those whose division changed after the instant (the division they had then may lie under the prefix), or the
--     one enterprise asked for;
--   * each candidate's classification then and the decision in force then are looked up by its id (index only for
--     the classification when its label is not asked for);
-- so the cost follows the division asked about, not the province (docs/benchmarks.md).

CREATE INDEX enterprise_as_of_idx ON enterprise (division_code, id) INCLUDE (created_at, status, enterprise_type, reported_on);
CREATE INDEX classification_record_as_of_idx ON classification_record (enterprise_id, id DESC)
    INCLUDE (computed_at, category, measure_kind);
-- the same key without the columns: superseded
DROP INDEX classification_record_enterprise_idx;

CREATE OR REPLACE FUNCTION ledger_enterprise_as_of(as_of timestamptz, prefix text, only_enterprise bigint DEFAULT NULL)
    RETURNS TABLE (enterprise_id bigint, name text, division_code text, enterprise_type text, reported_on date, active boolean,
                   category text, category_label text, measure text)
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    WITH later AS (
        SELECT v.enterprise_id,
               (array_agg(v.changes -> 'name' ->> 0 ORDER BY v.version) FILTER (WHERE v.changes ? 'name'))[1] AS name,
               (array_agg(v.changes -> 'divisionCode' ->> 0 ORDER BY v.version) FILTER (WHERE v.changes ? 'divisionCode'))[1] AS division_code,
               (array_agg(v.changes -> 'type' ->> 0 ORDER BY v.version) FILTER (WHERE v.changes ? 'type'))[1] AS enterprise_type,
               (array_agg(v.changes -> 'reportedOn' ->> 0 ORDER BY v.version) FILTER (WHERE v.changes ? 'reportedOn'))[1] AS reported_on,
               (array_agg(v.changes -> 'status' ->> 0 ORDER BY v.version) FILTER (WHERE v.changes ? 'status'))[1] AS status
          FROM enterprise_version v
         WHERE v.changed_at > as_of AND (only_enterprise IS NULL OR v.enterprise_id = only_enterprise)
         GROUP BY v.enterprise_id),
    picked AS (
        SELECT e.id, e.name, e.division_code, e.enterprise_type, e.reported_on, e.status, e.created_at
          FROM enterprise e
         WHERE only_enterprise IS NULL AND e.division_code >= prefix AND e.division_code < prefix || ':'
        UNION ALL
        SELECT e.id, e.name, e.division_code, e.enterprise_type, e.reported_on, e.status, e.created_at
          FROM enterprise e
         WHERE only_enterprise IS NULL
           AND e.id = ANY (ARRAY(SELECT l.enterprise_id FROM later l WHERE l.division_code IS NOT NULL))
           AND NOT (e.division_code >= prefix AND e.division_code < prefix || ':')
        UNION ALL
        SELECT e.id, e.name, e.division_code, e.enterprise_type, e.reported_on, e.status, e.created_at
          FROM enterprise e
         WHERE e.id = only_enterprise),
    known AS (
        SELECT e.id, coalesce(l.name, e.name) AS name, coalesce(l.division_code, e.division_code) AS division_code,
               coalesce(l.enterprise_type, e.enterprise_type) AS enterprise_type,
               coalesce(CAST(l.reported_on AS date), e.reported_on) AS reported_on,
               coalesce(l.status, e.status) = 'ACTIVE' AS active
          FROM picked e LEFT JOIN later l ON l.enterprise_id = e.id
         WHERE e.created_at <= as_of)
    SELECT t.id, t.name, t.division_code, t.enterprise_type, t.reported_on, t.active, r.category, r.category_label,
           CASE WHEN r.enterprise_id IS NULL THEN NULL ELSE coalesce(d.measure_kind, r.measure_kind) END
      FROM known t
      LEFT JOIN LATERAL (
          SELECT r.enterprise_id, r.category, r.explanation ->> 'categoryLabel' AS category_label, r.measure_kind
            FROM classification_record r
           WHERE r.enterprise_id = t.id AND r.computed_at <= as_of
           ORDER BY r.id DESC LIMIT 1) r ON true
      LEFT JOIN LATERAL (
          SELECT o.measure_kind
            FROM classification_override o
           WHERE o.enterprise_id = t.id AND o.decided_at <= as_of AND (o.cleared_at IS NULL OR o.cleared_at > as_of)
           ORDER BY o.id DESC LIMIT 1) d ON true
     WHERE t.division_code LIKE prefix || '%'
$$;
