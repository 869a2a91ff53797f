-- What towns wrote about the work in their survey ledgers (001 附件1: 整治要求, 整治期限, 分包责任人, 完成情况).
-- The import hands them to the rectification module; a report waits here until its enterprise's case exists
-- (cases are opened by the classification worker after the import commits), then it is applied once.

CREATE TABLE rectification_town_report (
    enterprise_id  bigint      PRIMARY KEY,
    requirement    text,
    deadline_text  text,
    deadline       date,
    person_name    text,
    person_phone   text,
    progress       text,
    source         text        NOT NULL,   -- 导入自 <file> 第 n 行
    reported_by    text        NOT NULL,
    received_at    timestamptz NOT NULL,
    applied_at     timestamptz,
    case_id        bigint
);
CREATE INDEX rectification_town_report_pending_idx ON rectification_town_report (enterprise_id) WHERE applied_at IS NULL;

-- The report as applied to the case (shown on it), and how the district settled a requirement that differs
-- from the policy's measure (null while unsettled).
ALTER TABLE rectification_case ADD COLUMN town_report jsonb;
ALTER TABLE rectification_case ADD COLUMN town_requirement_settled text;
