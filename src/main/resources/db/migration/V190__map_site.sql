-- The map's read model (issue 20): every active enterprise with its site, category, measure and case, in one view over
-- the ledger's and the rectification's tables (nothing is stored: the map is always the ledger as it is now).
-- The measure is the open case's, else the classification's (the 一企一策 decision first): 严格监管 has no case.
CREATE VIEW map_site AS
SELECT e.id                                                       AS enterprise_id,
       e.name,
       e.division_code,
       e.address,
       e.longitude,
       e.latitude,
       e.version,
       r.category,
       coalesce(r.explanation ->> 'categoryLabel', r.category)     AS category_label,
       CASE WHEN c.state IS NOT NULL AND c.state <> 'WITHDRAWN' THEN c.measure
            ELSE coalesce(o.measure_kind, r.measure_kind) END      AS measure,
       c.id                                                       AS case_id,
       c.state,
       c.deadline
  FROM enterprise e
  LEFT JOIN enterprise_classification k ON k.enterprise_id = e.id
  LEFT JOIN classification_record r ON r.id = k.current_id
  LEFT JOIN classification_override o ON o.id = k.override_id
  LEFT JOIN rectification_case c ON c.enterprise_id = e.id
 WHERE e.status = 'ACTIVE';

-- The unplaced list of a division: enterprises without a position, by division and name.
CREATE INDEX map_unplaced_idx ON enterprise (division_code varchar_pattern_ops, name)
    WHERE status = 'ACTIVE' AND (latitude IS NULL OR longitude IS NULL);
