-- The map's view (map_site) over a district of a province-wide ledger (issue 20's benchmark: 50,000 of 1,000,000):
-- a district's rows are spread over the whole of each table, so reading them from the tables' pages costs a read of
-- nearly every page. These narrow covering indexes let the clustering and the counts read index pages only.
CREATE INDEX map_enterprise_site_idx ON enterprise (division_code varchar_pattern_ops)
    INCLUDE (id, longitude, latitude) WHERE status = 'ACTIVE';
CREATE INDEX map_classification_idx ON enterprise_classification (enterprise_id) INCLUDE (current_id, override_id);
CREATE INDEX map_classification_record_idx ON classification_record (id) INCLUDE (category, measure_kind);
CREATE INDEX map_classification_override_idx ON classification_override (id) INCLUDE (measure_kind);
CREATE INDEX map_case_idx ON rectification_case (enterprise_id) INCLUDE (id, measure, state, deadline);
