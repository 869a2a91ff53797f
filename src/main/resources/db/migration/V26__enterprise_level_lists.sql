-- The ledger list of a whole district or town in list order (issue 22 §1). enterprise_list_idx leads with the village
-- code, so a district's or town's page reads every entry of its villages and sorts them (25,000 at province scale);
-- these lead with the district's and the town's code, so a page walks the index in order and stops after its rows.
-- The other filters are included, so that the walk stays index-only (ledger.internal.ListSql adds the condition).
CREATE INDEX enterprise_district_list_idx ON enterprise (left(division_code, 6), reported_on DESC, id DESC)
    INCLUDE (division_code, status, enterprise_type, industry, discovery, key_industry, eight_small, facts_yes, facts_no);
CREATE INDEX enterprise_town_list_idx ON enterprise (left(division_code, 9), reported_on DESC, id DESC)
    INCLUDE (division_code, status, enterprise_type, industry, discovery, key_industry, eight_small, facts_yes, facts_no);
