-- The battle board reads its 20 overdue and 20 due-soon cases from the division's own cases (issue 22 §1): with the
-- case's id in the covering index they are picked from index pages only, instead of walking the province's open
-- cases in deadline order (≈ 70 ms for a district of 25,000 among 400,000 cases).
DROP INDEX rectification_case_board_idx;
CREATE INDEX rectification_case_board_idx ON rectification_case (division_code text_pattern_ops)
    INCLUDE (measure, state, deadline, closed_out_on, enterprise_id, id);
