-- Which transactions wrote the cases the battle board reads (issue 22 §1): the board of a division is kept with the
-- database snapshot it was counted at and answered again while no transaction that snapshot did not see has written a
-- case, an item, its evidence or a joint enforcement (rectification.internal.KeptBoards). One row per statement.
CREATE TABLE rectification_case_change (
    xid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX rectification_case_change_xid_idx ON rectification_case_change (xid);

CREATE FUNCTION qy_rectification_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rectification_case_change DEFAULT VALUES;
    RETURN NULL;
END
$$;

CREATE TRIGGER rectification_case_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rectification_case
    FOR EACH STATEMENT EXECUTE FUNCTION qy_rectification_case_changed();
CREATE TRIGGER rectification_item_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rectification_item
    FOR EACH STATEMENT EXECUTE FUNCTION qy_rectification_case_changed();
CREATE TRIGGER rectification_evidence_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rectification_evidence
    FOR EACH STATEMENT EXECUTE FUNCTION qy_rectification_case_changed();
CREATE TRIGGER rectification_enforcement_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rectification_enforcement
    FOR EACH STATEMENT EXECUTE FUNCTION qy_rectification_case_changed();
