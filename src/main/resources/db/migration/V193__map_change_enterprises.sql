-- The map's change rows name the enterprise (issue 22 §1): a home page then brings its kept figures up to date by
-- reading again only the enterprises a transaction changed, not their whole villages (an import of 20 rows touched 20
-- villages, a fifth of a district). A statement of more than 200 rows (an import's chunk, a reclassification) still
-- records its villages only (enterprise_id NULL: the village is read again whole), so that a 100,000-row import writes
-- a few hundred change rows, not 100,000. V192's triggers stay; their functions are replaced.
ALTER TABLE map_change ADD COLUMN enterprise_id bigint;

CREATE OR REPLACE FUNCTION qy_map_enterprise_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    few boolean;
BEGIN
    IF TG_OP = 'INSERT' THEN
        few := (SELECT count(*) <= 200 FROM new_rows);
        INSERT INTO map_change (division_code, enterprise_id)
        SELECT DISTINCT division_code, CASE WHEN few THEN id END FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        few := (SELECT count(*) <= 200 FROM old_rows);
        INSERT INTO map_change (division_code, enterprise_id)
        SELECT DISTINCT division_code, CASE WHEN few THEN id END FROM old_rows;
    ELSE
        few := (SELECT count(*) <= 200 FROM new_rows);
        INSERT INTO map_change (division_code, enterprise_id)
        SELECT DISTINCT code, CASE WHEN few THEN n.id END FROM old_rows o JOIN new_rows n ON n.id = o.id
             CROSS JOIN LATERAL (VALUES (o.division_code), (n.division_code)) v(code)
         WHERE o.status IS DISTINCT FROM n.status OR o.division_code IS DISTINCT FROM n.division_code;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION qy_map_classification_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    few boolean := (SELECT count(*) <= 200 FROM old_rows);
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO map_change (division_code, enterprise_id)
        SELECT DISTINCT e.division_code, CASE WHEN few THEN e.id END FROM old_rows o JOIN enterprise e ON e.id = o.enterprise_id;
    ELSE
        INSERT INTO map_change (division_code, enterprise_id)
        SELECT DISTINCT e.division_code, CASE WHEN few THEN e.id END
          FROM old_rows o JOIN new_rows n ON n.enterprise_id = o.enterprise_id JOIN enterprise e ON e.id = n.enterprise_id
         WHERE o.current_id IS DISTINCT FROM n.current_id OR o.override_id IS DISTINCT FROM n.override_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION qy_map_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    few boolean;
BEGIN
    IF TG_OP = 'INSERT' THEN
        few := (SELECT count(*) <= 200 FROM new_rows);
        INSERT INTO map_change (division_code, enterprise_id)
        SELECT DISTINCT e.division_code, CASE WHEN few THEN e.id END FROM new_rows n JOIN enterprise e ON e.id = n.enterprise_id;
    ELSIF TG_OP = 'DELETE' THEN
        few := (SELECT count(*) <= 200 FROM old_rows);
        INSERT INTO map_change (division_code, enterprise_id)
        SELECT DISTINCT e.division_code, CASE WHEN few THEN e.id END FROM old_rows o JOIN enterprise e ON e.id = o.enterprise_id;
    ELSE
        few := (SELECT count(*) <= 200 FROM new_rows);
        INSERT INTO map_change (division_code, enterprise_id)
        SELECT DISTINCT e.division_code, CASE WHEN few THEN e.id END FROM old_rows o JOIN new_rows n ON n.id = o.id
               JOIN enterprise e ON e.id IN (o.enterprise_id, n.enterprise_id)
         WHERE o.state IS DISTINCT FROM n.state OR o.measure IS DISTINCT FROM n.measure
            OR o.deadline IS DISTINCT FROM n.deadline OR o.enterprise_id IS DISTINCT FROM n.enterprise_id;
    END IF;
    RETURN NULL;
END
$$;
