-- Which enterprises each transaction wrote (issue 22 §1): the ledger list keeps the set of enterprises matching each
-- question as of a snapshot and, on the next ask, re-checks only those written by transactions that snapshot did not
-- see (ledger.internal.ListTotals). A statement-level trigger per event records the rows (COPY fires it too), with the
-- writing transaction's id, so that "not visible in snapshot S" is exact: no clocks, no commit order assumed.
CREATE TABLE enterprise_change (
    xid           xid8   NOT NULL DEFAULT pg_current_xact_id(),
    enterprise_id bigint NOT NULL
);
CREATE INDEX enterprise_change_xid_idx ON enterprise_change (xid);

CREATE FUNCTION qy_enterprise_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO enterprise_change (enterprise_id) SELECT id FROM old_rows;
    ELSE
        INSERT INTO enterprise_change (enterprise_id) SELECT id FROM new_rows;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER enterprise_inserted AFTER INSERT ON enterprise REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qy_enterprise_changed();
CREATE TRIGGER enterprise_updated AFTER UPDATE ON enterprise REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qy_enterprise_changed();
CREATE TRIGGER enterprise_deleted AFTER DELETE ON enterprise REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qy_enterprise_changed();
