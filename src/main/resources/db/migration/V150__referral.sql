-- Departments at work (issue 18 §1–§3): the duties of each department as the district keeps them, referrals (移交)
-- with their deadlines in working days, and joint enforcement operations (联合执法行动) with each department's part.

-- Duties of a department. district_code '*' holds the shipped default text; a district's own row replaces it.
CREATE TABLE department_duty (
    district_code   varchar(12) NOT NULL,
    department_code text        NOT NULL REFERENCES department (code),
    duties          text        NOT NULL,
    source          text,
    version         integer     NOT NULL DEFAULT 0,
    updated_at      timestamptz,
    updated_by      text,
    PRIMARY KEY (district_code, department_code)
);

INSERT INTO department_duty (district_code, department_code, duties, source) VALUES
    ('*', 'ENVIRONMENT', '“散乱污”企业专项整治的牵头部门；指导镇街、园区对无污染防治设施或设施不完善、未依法环评、未申领排污许可证的企业进行清理整治；落实生态环境准入清单，对符合环评、排污许可等条件的依法依规办理相关手续。', '000 二；003 四（四）'),
    ('*', 'MARKET_REGULATION', '依法查处无证无照“散乱污”违法经营行为；根据政府责令停业、关闭的文件，及时依法责令变更登记或注销登记，按政府决定依法吊销营业执照；对违反《产品质量法》的企业进行质量监管；发现属于其他部门监管职责的无证无照经营行为，5个工作日内书面告知相关审批部门，紧急情况立即提请区政府研究处理。', '000 二、三；003 四（七）'),
    ('*', 'NATURAL_RESOURCES', '指导镇街、园区对不符合城乡规划、土地利用规划的企业进行清理整治，对不符合相关要求的不予核准、审批和备案；对符合入园发展、整治规范的企业依法依规办理相关手续。', '003 四（八）'),
    ('*', 'HOUSING', '加快污水管网建设；对不符合相关要求的不予核准、审批、登记和备案；对依法关停取缔的企业，督促供水企业采取停、限水等措施；对违章搭建企业，配合负有查处职责的行政主管部门督促整改。', '003 四（五）'),
    ('*', 'URBAN_MANAGEMENT', '配合属地镇街查处违章搭建、占道经营等与“散乱污”企业相关的违法行为，参加联合执法行动。', '000 三（联合执法）'),
    ('*', 'EMERGENCY', '履行安全生产综合监管职责，统筹有关部门和镇街加大对“散乱污”企业的安全隐患排查整治，对存在重大安全隐患的企业依法依规查处，及时消除隐患。', '003 四（九）'),
    ('*', 'PUBLIC_SECURITY', '配合属地镇街做好安全维稳工作；依法处理对抗执法的行为，依法侦办涉嫌环境污染等违法犯罪案件（涉嫌犯罪的移交公安机关）。', '003 四（十二）'),
    ('*', 'FIRE_RESCUE', '对存在消防安全隐患的“散乱污”企业依法依规查处。', '003 四（十三）'),
    ('*', 'ECONOMY_INFORMATION', '指导镇街、园区对不符合产业政策、产业布局规划及应进未进工业园区的企业进行清理整治，分类建立台账，制定“三个一批”整治清单；对不符合要求的不予核准、审批和备案；对依法关停取缔的企业，督促供电企业采取停、限电措施；督促指导入园发展、整治规范。', '003 四（三）'),
    ('*', 'AGRICULTURE', '配合属地镇街对农村地区“散乱污”企业进行排查整治，对涉农企业依法依规办理或不予办理相关手续。', '003 三（二）（协同联动）'),
    ('*', 'FORESTRY', '指导镇街、园区对涉及自然保护地、“四山”管制区及林地的企业进行清理整治，对不符合要求的不予核准、审批和备案；对符合要求的企业依法办理相关手续。', '003 四（六）'),
    ('*', 'TRANSPORT', '依法严肃查处“散乱污”企业运输车辆违法行为，根据实际情况采取必要的限制措施。', '003 四（十）'),
    ('*', 'PETITIONS', '处理好“散乱污”企业整治行动中涉及的信访工作，确保整治工作稳定有序。', '003 四（十一）'),
    ('*', 'POWER_SUPPLY', '对依法关停取缔、未通过整治验收的“散乱污”企业以及禁入区域内新建生产型企业，配合属地镇街依法采取停电、限电等措施。', '003 四（三）（十四）'),
    ('*', 'WATER_SUPPLY', '对依法关停取缔的“散乱污”企业，配合属地镇街依法采取停水、限水等措施。', '003 四（五）'),
    ('*', 'GAS_SUPPLY', '对未通过整治验收的“散乱污”企业，配合属地镇街依法采取停气、限气等强制措施。', '003 四（十四）');

-- A referral (移交): a matter handed by a town or the district office to the competent department in writing.
CREATE TABLE referral (
    id              bigserial PRIMARY KEY,
    district_code   varchar(12) NOT NULL,
    division_code   varchar(12) NOT NULL,
    enterprise_id   bigint,
    enterprise_name text,
    department_code text        NOT NULL REFERENCES department (code),
    problem         text        NOT NULL,
    legal_basis     text,
    urgency         text        NOT NULL CHECK (urgency IN ('NORMAL', 'URGENT')),
    state           text        NOT NULL CHECK (state IN ('SENT', 'ACCEPTED', 'ANSWERED', 'CONFIRMED')),
    referred_on     date        NOT NULL,
    deadline        date        NOT NULL,
    deadline_rule   text        NOT NULL,
    referred_at     timestamptz NOT NULL,
    referred_by     text        NOT NULL,
    accepted_at     timestamptz,
    accepted_by     text,
    answer          text,
    answered_at     timestamptz,
    answered_by     text,
    confirmed_at    timestamptz,
    confirmed_by    text,
    return_reason   text,
    returned_at     timestamptz,
    returns         integer     NOT NULL DEFAULT 0,
    reminded_on     date,
    escalated_on    date,
    version         integer     NOT NULL DEFAULT 0
);
CREATE INDEX referral_department ON referral (department_code, state);
CREATE INDEX referral_division ON referral (division_code text_pattern_ops);
CREATE INDEX referral_open_deadline ON referral (deadline) WHERE state IN ('SENT', 'ACCEPTED');

-- A joint enforcement operation (联合执法行动): several departments at several enterprises on one day.
CREATE TABLE joint_operation (
    id              bigserial PRIMARY KEY,
    district_code   varchar(12) NOT NULL,
    held_on         date        NOT NULL,
    title           text        NOT NULL,
    lead_department text        NOT NULL REFERENCES department (code),
    departments     text[]      NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    version         integer     NOT NULL DEFAULT 0
);

CREATE TABLE joint_operation_enterprise (
    operation_id    bigint      NOT NULL REFERENCES joint_operation (id),
    enterprise_id   bigint      NOT NULL,
    enterprise_name text        NOT NULL,
    division_code   varchar(12) NOT NULL,
    PRIMARY KEY (operation_id, enterprise_id)
);

-- One department's part at one enterprise of an operation.
CREATE TABLE joint_operation_part (
    id              bigserial PRIMARY KEY,
    operation_id    bigint      NOT NULL REFERENCES joint_operation (id),
    enterprise_id   bigint      NOT NULL,
    department_code text        NOT NULL REFERENCES department (code),
    action          text        NOT NULL,
    outcome         text        NOT NULL,
    attachment_id   bigint,
    case_id         bigint,
    case_note       text,
    recorded_at     timestamptz NOT NULL,
    recorded_by     text        NOT NULL,
    UNIQUE (operation_id, enterprise_id, department_code)
);
