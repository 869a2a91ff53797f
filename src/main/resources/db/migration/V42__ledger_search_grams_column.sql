-- The ledger's search tokens become a plain column (sheets range, like V40: the Excel import is what
-- needs it). As a generated column, qy_bigrams() ran once per inserted row and cost more than the rest
-- of a bulk insert; the bulk paths (the import's COPY) now compute the same value in Java
-- (ledger SearchGrams) and send it with the row. Every other write gets it from these triggers: an
-- insert without it, and any update that sets the name, the address or the village.
ALTER TABLE enterprise ALTER COLUMN search_grams DROP EXPRESSION;

CREATE FUNCTION enterprise_search_grams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_grams := qy_bigrams(NEW.name || ' ' || coalesce(NEW.address, '')) || qy_scope_tokens(NEW.division_code);
    RETURN NEW;
END;
$$;

CREATE TRIGGER enterprise_search_grams_insert BEFORE INSERT ON enterprise
    FOR EACH ROW WHEN (NEW.search_grams IS NULL) EXECUTE FUNCTION enterprise_search_grams();
CREATE TRIGGER enterprise_search_grams_update BEFORE UPDATE OF name, address, division_code ON enterprise
    FOR EACH ROW EXECUTE FUNCTION enterprise_search_grams();
