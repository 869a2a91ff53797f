-- The rows an import writes name their job without a foreign key. Each such key is checked once per row (a lookup
-- and a key-share lock on the one sheet_import row, which the job's progress updates meanwhile), which made a
-- quarter of the cost of writing row outcomes and rectification columns. Only the job itself writes them, after
-- its sheet_import row exists, and sheet_import rows are never deleted; ImportJobs is the only writer.
ALTER TABLE sheet_import_row DROP CONSTRAINT sheet_import_row_import_id_fkey;
ALTER TABLE sheet_campaign_columns DROP CONSTRAINT sheet_campaign_columns_import_id_fkey;
