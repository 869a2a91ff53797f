-- The battle board adjusts a kept board by the cases written since its snapshot (issue 22 §1) instead of recounting a
-- district's 25,000 cases after every write: a statement on rectification_case now records, per case it wrote, the
-- case as it was (sign -1) and as it is (sign +1), in the columns the board counts by. The sum of these rows over the
-- transactions a snapshot did not see is exactly what changed in the counts since it, whatever order they committed in.
-- Statements on items, evidence and joint enforcements still record one row without a case (sign NULL): they change the
-- board's lists, not its counts. A TRUNCATE records sign 0: what it removed is unknown, so the board is counted afresh.
ALTER TABLE rectification_case_change
    ADD COLUMN sign          smallint,
    ADD COLUMN division_code text,
    ADD COLUMN enterprise_id bigint,
    ADD COLUMN measure       text,
    ADD COLUMN state         text,
    ADD COLUMN deadline      date,
    ADD COLUMN closed_out_on date;

CREATE FUNCTION qy_rectification_case_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO rectification_case_change (sign, division_code, enterprise_id, measure, state, deadline, closed_out_on)
        SELECT -1, division_code, enterprise_id, measure, state, deadline, closed_out_on FROM old_rows;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO rectification_case_change (sign, division_code, enterprise_id, measure, state, deadline, closed_out_on)
        SELECT 1, division_code, enterprise_id, measure, state, deadline, closed_out_on FROM new_rows;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION qy_rectification_case_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rectification_case_change (sign) VALUES (0);
    RETURN NULL;
END
$$;

DROP TRIGGER rectification_case_changed ON rectification_case;
CREATE TRIGGER rectification_case_inserted AFTER INSERT ON rectification_case REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qy_rectification_case_rows_changed();
CREATE TRIGGER rectification_case_updated AFTER UPDATE ON rectification_case
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qy_rectification_case_rows_changed();
CREATE TRIGGER rectification_case_deleted AFTER DELETE ON rectification_case REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qy_rectification_case_rows_changed();
CREATE TRIGGER rectification_case_truncated AFTER TRUNCATE ON rectification_case
    FOR EACH STATEMENT EXECUTE FUNCTION qy_rectification_case_truncated();
