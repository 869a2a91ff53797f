-- Each step of a case's timeline records where the case stood after it (state, and whether it was overdue), so that
-- a case "as of a date" is its last step by then (issue 15 §4, §6). Written with every step from now on (the
-- timeline copies them from the case row it has just written); the steps written before are replayed below.

ALTER TABLE rectification_step ADD COLUMN state text, ADD COLUMN overdue boolean NOT NULL DEFAULT false;

ALTER TABLE rectification_step DISABLE TRIGGER rectification_step_no_change;

-- Replay: the steps that move a case set its state, the others keep it (work on a registered case starts it); the
-- last step of each case then takes the case's own state and overdue mark, which are authoritative.
WITH mapped AS (
    SELECT s.id, s.case_id,
           CASE s.kind
               WHEN 'OPENED' THEN 'REGISTERED'
               WHEN 'WITHDRAWN' THEN 'WITHDRAWN'
               WHEN 'SUBMITTED_FOR_ACCEPTANCE' THEN 'AWAITING_ACCEPTANCE'
               WHEN 'ACCEPTED' THEN 'ACCEPTED'
               WHEN 'ACCEPTANCE_REJECTED' THEN 'IN_PROGRESS'
               WHEN 'CLOSED_OUT' THEN 'CLOSED_OUT'
               WHEN 'REOPENED' THEN 'REOPENED'
               WHEN 'ESCALATED' THEN 'ESCALATED'
               WHEN 'ITEM_RECORDED' THEN 'IN_PROGRESS'
               WHEN 'EVIDENCE_ATTACHED' THEN 'IN_PROGRESS'
               WHEN 'JOINT_ENFORCEMENT' THEN 'IN_PROGRESS'
               END AS state
      FROM rectification_step s),
grouped AS (
    SELECT id, case_id, state, count(state) OVER (PARTITION BY case_id ORDER BY id) AS grp FROM mapped),
replayed AS (
    SELECT id, first_value(state) OVER (PARTITION BY case_id, grp ORDER BY id) AS state FROM grouped)
UPDATE rectification_step s SET state = coalesce(r.state, 'REGISTERED') FROM replayed r WHERE r.id = s.id;

UPDATE rectification_step s SET state = c.state, overdue = c.overdue_since IS NOT NULL
  FROM rectification_case c, (SELECT case_id, max(id) AS id FROM rectification_step GROUP BY case_id) last
 WHERE last.id = s.id AND c.id = s.case_id;

ALTER TABLE rectification_step ENABLE TRIGGER rectification_step_no_change;

ALTER TABLE rectification_step ALTER COLUMN state SET NOT NULL;

-- the last step by an instant, per case: an index-only walk
CREATE INDEX rectification_step_as_of_idx ON rectification_step (case_id, id DESC) INCLUDE (at, state, overdue);
CREATE INDEX rectification_step_period_idx ON rectification_step (at, kind) INCLUDE (case_id) WHERE kind IN ('CLOSED_OUT', 'REOPENED');

-- Every case opened by :as_of (only :only_enterprise's when given), with its state and overdue mark as of then (the rectification module's published read
-- model; the case follows its enterprise, so callers place it by the ledger's division as of the same instant).
CREATE FUNCTION rectification_case_as_of(as_of timestamptz, only_enterprise bigint DEFAULT NULL)
    RETURNS TABLE (case_id bigint, enterprise_id bigint, state text, overdue boolean)
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT DISTINCT ON (s.case_id) s.case_id, c.enterprise_id, s.state, s.overdue
      FROM rectification_step s JOIN rectification_case c ON c.id = s.case_id
     WHERE s.at <= as_of AND (only_enterprise IS NULL OR c.enterprise_id = only_enterprise)
     ORDER BY s.case_id, s.id DESC
$$;

-- The enterprises whose case was closed out, or reopened (a rebound, or a new measure), in (from, to].
CREATE FUNCTION rectification_events(from_at timestamptz, to_at timestamptz)
    RETURNS TABLE (enterprise_id bigint, closed_out boolean, reopened boolean)
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT c.enterprise_id, bool_or(s.kind = 'CLOSED_OUT'), bool_or(s.kind = 'REOPENED')
      FROM rectification_step s JOIN rectification_case c ON c.id = s.case_id
     WHERE s.kind IN ('CLOSED_OUT', 'REOPENED') AND s.at > from_at AND s.at <= to_at
     GROUP BY c.enterprise_id
$$;
