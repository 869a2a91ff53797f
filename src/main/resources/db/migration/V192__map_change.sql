-- Which divisions each transaction changed in the map's read model (issue 22): a home page keeps its figures as of a
-- database snapshot and counts them again only when a transaction invisible to that snapshot changed a division inside
-- its jurisdiction (map.internal.KeptOverviews). Statement-level triggers with transition tables (COPY fires them too)
-- record the villages whose figures a statement can change: an enterprise added, removed, moved or its status changed
-- (old and new village); its classification or its override pointed elsewhere (a classification row is inserted only
-- with its enterprise, by V22's trigger, so the enterprise's insert has recorded it: no join of an import's rows there); its case opened, removed, or its state,
-- measure, deadline or enterprise changed. Edits of names, contacts or case items record nothing. A truncate records
-- '*', which every jurisdiction reads as changed.
CREATE TABLE map_change (
    xid           xid8        NOT NULL DEFAULT pg_current_xact_id(),
    division_code varchar(12) NOT NULL
);
CREATE INDEX map_change_xid_idx ON map_change (xid);

CREATE FUNCTION qy_map_enterprise_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO map_change (division_code) SELECT DISTINCT division_code FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO map_change (division_code) SELECT DISTINCT division_code FROM old_rows;
    ELSE
        INSERT INTO map_change (division_code)
        SELECT DISTINCT code FROM old_rows o JOIN new_rows n ON n.id = o.id
             CROSS JOIN LATERAL (VALUES (o.division_code), (n.division_code)) v(code)
         WHERE o.status IS DISTINCT FROM n.status OR o.division_code IS DISTINCT FROM n.division_code;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION qy_map_classification_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO map_change (division_code)
        SELECT DISTINCT e.division_code FROM old_rows o JOIN enterprise e ON e.id = o.enterprise_id;
    ELSE
        INSERT INTO map_change (division_code)
        SELECT DISTINCT e.division_code FROM old_rows o JOIN new_rows n ON n.enterprise_id = o.enterprise_id
               JOIN enterprise e ON e.id = n.enterprise_id
         WHERE o.current_id IS DISTINCT FROM n.current_id OR o.override_id IS DISTINCT FROM n.override_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION qy_map_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO map_change (division_code)
        SELECT DISTINCT e.division_code FROM new_rows n JOIN enterprise e ON e.id = n.enterprise_id;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO map_change (division_code)
        SELECT DISTINCT e.division_code FROM old_rows o JOIN enterprise e ON e.id = o.enterprise_id;
    ELSE
        INSERT INTO map_change (division_code)
        SELECT DISTINCT e.division_code FROM old_rows o JOIN new_rows n ON n.id = o.id
               JOIN enterprise e ON e.id IN (o.enterprise_id, n.enterprise_id)
         WHERE o.state IS DISTINCT FROM n.state OR o.measure IS DISTINCT FROM n.measure
            OR o.deadline IS DISTINCT FROM n.deadline OR o.enterprise_id IS DISTINCT FROM n.enterprise_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION qy_map_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO map_change (division_code) VALUES ('*');
    RETURN NULL;
END
$$;

CREATE TRIGGER map_enterprise_inserted AFTER INSERT ON enterprise REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qy_map_enterprise_changed();
CREATE TRIGGER map_enterprise_updated AFTER UPDATE ON enterprise REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qy_map_enterprise_changed();
CREATE TRIGGER map_enterprise_deleted AFTER DELETE ON enterprise REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qy_map_enterprise_changed();
CREATE TRIGGER map_enterprise_truncated AFTER TRUNCATE ON enterprise
    FOR EACH STATEMENT EXECUTE FUNCTION qy_map_truncated();

CREATE TRIGGER map_classification_updated AFTER UPDATE ON enterprise_classification
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qy_map_classification_changed();
CREATE TRIGGER map_classification_deleted AFTER DELETE ON enterprise_classification REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qy_map_classification_changed();
CREATE TRIGGER map_classification_truncated AFTER TRUNCATE ON enterprise_classification
    FOR EACH STATEMENT EXECUTE FUNCTION qy_map_truncated();

CREATE TRIGGER map_case_inserted AFTER INSERT ON rectification_case REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qy_map_case_changed();
CREATE TRIGGER map_case_updated AFTER UPDATE ON rectification_case REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qy_map_case_changed();
CREATE TRIGGER map_case_deleted AFTER DELETE ON rectification_case REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qy_map_case_changed();
CREATE TRIGGER map_case_truncated AFTER TRUNCATE ON rectification_case
    FOR EACH STATEMENT EXECUTE FUNCTION qy_map_truncated();
