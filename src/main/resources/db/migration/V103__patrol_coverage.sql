-- Coverage (issue 16 §5): which ledger enterprises a period's check-ins really reached. One index-only range scan per
-- division and period.
CREATE INDEX patrol_check_in_coverage_idx ON patrol_check_in (division_code varchar_pattern_ops, checked_at)
    INCLUDE (enterprise_id, distance_m) WHERE enterprise_id IS NOT NULL;
CREATE INDEX patrol_started_idx ON patrol (started_at, division_code) INCLUDE (kind, grid_id);
