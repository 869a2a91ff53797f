-- The battle board's two lists (overdue, due soon) of a whole district or town: the open cases with the nearest
-- deadlines (issue 22 §1). These lead with the district's and the town's code, so the list walks the open cases in
-- deadline order and stops after 20, instead of reading every case of the division to sort them.
CREATE INDEX rectification_case_district_deadline_idx ON rectification_case (left(division_code, 6), deadline, id)
    WHERE state NOT IN ('CLOSED_OUT', 'WITHDRAWN');
CREATE INDEX rectification_case_town_deadline_idx ON rectification_case (left(division_code, 9), deadline, id)
    WHERE state NOT IN ('CLOSED_OUT', 'WITHDRAWN');
