-- One enterprise's case as of an instant and one case's close-outs and reopenings in a period (issue 22 §1): the
-- rectification module's published read model for readers that go enterprise by enterprise (the statistics of a
-- district). rectification_case_as_of and rectification_events answer for the whole province at once and are
-- joined afterwards, which at 400,000 cases cost more than the district's own tally; these are index lookups.
-- Same rules: the case's state and overdue mark are those of its last step by the instant.

CREATE INDEX rectification_step_events_idx ON rectification_step (case_id, at) INCLUDE (kind) WHERE kind IN ('CLOSED_OUT', 'REOPENED');
-- the enterprise's case opened by as_of, with the state and overdue mark of its last step by then (no row: none)
CREATE FUNCTION rectification_case_of(as_of timestamptz, enterprise bigint)
    RETURNS TABLE (case_id bigint, enterprise_id bigint, state text, overdue boolean)
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT c.id, c.enterprise_id, s.state, s.overdue
      FROM rectification_case c
      JOIN LATERAL (SELECT s.state, s.overdue FROM rectification_step s
                     WHERE s.case_id = c.id AND s.at <= as_of ORDER BY s.id DESC LIMIT 1) s ON true
     WHERE c.enterprise_id = enterprise
$$;
-- a case's close-outs and reopenings in (from_at, to_at]; (false, false) for no case or none
CREATE FUNCTION rectification_case_events(of_case bigint, from_at timestamptz, to_at timestamptz)
    RETURNS TABLE (closed_out boolean, reopened boolean)
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(bool_or(s.kind = 'CLOSED_OUT'), false), coalesce(bool_or(s.kind = 'REOPENED'), false)
      FROM rectification_step s
     WHERE s.case_id = of_case AND s.kind IN ('CLOSED_OUT', 'REOPENED') AND s.at > from_at AND s.at <= to_at
$$;
