-- The ledger's duplicate lookup for large batches (the Excel import, sheets module): near-identical
-- addresses share their house numbers, so candidates are found by (village, house numbers) with an
-- index instead of reading every enterprise of the village. Kept in the sheets range (V40–V49)
-- because the import is what needs it; the function must stay equal to DuplicateFinder.numbers().
CREATE FUNCTION qy_address_numbers(k text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(regexp_replace(k, '[^0-9]+', ',', 'g'), '^,|,$', '', 'g')
$$;

CREATE INDEX enterprise_address_numbers_idx ON enterprise (division_code, qy_address_numbers(address_key))
    WHERE address_key IS NOT NULL;
