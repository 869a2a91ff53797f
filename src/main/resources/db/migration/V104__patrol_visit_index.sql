-- Coverage asks, per enterprise of the ledger, whether a check-in of the period reached it within the geofence: one
-- index probe per enterprise that stops at the first such check-in, instead of reading every check-in of the period
-- (a town's 30 days are a million rows: 418 ms p95 before, see docs/benchmarks.md).
DROP INDEX patrol_check_in_coverage_idx;
CREATE INDEX patrol_check_in_visit_idx ON patrol_check_in (enterprise_id, checked_at) INCLUDE (distance_m)
    WHERE enterprise_id IS NOT NULL;
