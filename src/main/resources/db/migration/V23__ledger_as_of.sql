-- The ledger as it stood at an instant, reconstructed from the version history (issue 15 §4, §6): the ledger's
-- published read model for the statistics, the period strips and the reports. Nothing is copied: the current row is
-- walked back through the versions written after the instant (each version keeps every changed field as [old, new]),
-- and the classification is the last record computed by then, with the 一企一策 decision in force at that instant.

CREATE INDEX enterprise_version_changed_at_idx ON enterprise_version (changed_at);
CREATE INDEX classification_record_computed_at_idx ON classification_record (enterprise_id, computed_at);

-- Every enterprise registered by :as_of whose division (as it was) lies under :prefix (only :only_enterprise when
-- given: one enterprise's history), with its fields as they were.
-- active: in the ledger (not withdrawn or merged away) at that instant; category and measure null when not yet
-- classified; measure null as well when the classification called for none.
CREATE FUNCTION ledger_enterprise_as_of(as_of timestamptz, prefix text, only_enterprise bigint DEFAULT NULL)
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
    known AS (
        SELECT e.id, coalesce(l.name, e.name) AS name, coalesce(l.division_code, e.division_code) AS division_code,
               coalesce(l.enterprise_type, e.enterprise_type) AS enterprise_type,
               coalesce(CAST(l.reported_on AS date), e.reported_on) AS reported_on,
               coalesce(l.status, e.status) = 'ACTIVE' AS active
          FROM enterprise e LEFT JOIN later l ON l.enterprise_id = e.id
         WHERE e.created_at <= as_of AND (only_enterprise IS NULL OR e.id = only_enterprise)),
    rec AS (
        SELECT DISTINCT ON (r.enterprise_id) r.enterprise_id, r.category, r.explanation ->> 'categoryLabel' AS category_label,
               r.measure_kind
          FROM classification_record r
         WHERE r.computed_at <= as_of AND (only_enterprise IS NULL OR r.enterprise_id = only_enterprise)
         ORDER BY r.enterprise_id, r.id DESC),
    decision AS (
        SELECT DISTINCT ON (o.enterprise_id) o.enterprise_id, o.measure_kind
          FROM classification_override o
         WHERE o.decided_at <= as_of AND (o.cleared_at IS NULL OR o.cleared_at > as_of)
           AND (only_enterprise IS NULL OR o.enterprise_id = only_enterprise)
         ORDER BY o.enterprise_id, o.id DESC)
    SELECT t.id, t.name, t.division_code, t.enterprise_type, t.reported_on, t.active, r.category, r.category_label,
           CASE WHEN r.enterprise_id IS NULL THEN NULL ELSE coalesce(d.measure_kind, r.measure_kind) END
      FROM known t
      LEFT JOIN rec r ON r.enterprise_id = t.id
      LEFT JOIN decision d ON d.enterprise_id = t.id
     WHERE t.division_code LIKE prefix || '%'
$$;
