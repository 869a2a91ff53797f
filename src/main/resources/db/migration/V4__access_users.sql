-- Users, roles and departments. Roles are data; the permissions of each role are rows
-- (the permission names themselves are listed in code, in one place).
CREATE TABLE role (
    code          text PRIMARY KEY,
    name          text    NOT NULL,
    description   text    NOT NULL,
    administrator boolean NOT NULL DEFAULT false,
    sort_order    integer NOT NULL
);

CREATE TABLE role_permission (
    role_code  text NOT NULL REFERENCES role (code),
    permission text NOT NULL,
    PRIMARY KEY (role_code, permission)
);

-- Functional departments (职能部门) and utilities of a district.
CREATE TABLE department (
    code          text PRIMARY KEY,
    name          text    NOT NULL,
    division_code varchar(12) REFERENCES division (code),
    sort_order    integer NOT NULL DEFAULT 0
);

CREATE TABLE app_user (
    id                   bigserial PRIMARY KEY,
    username             text        NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9_.-]{2,64}$'),
    display_name         text        NOT NULL,
    password_hash        text        NOT NULL,
    role_code            text        NOT NULL REFERENCES role (code),
    division_code        varchar(12) NOT NULL REFERENCES division (code),
    department_code      text REFERENCES department (code),
    phone                text,
    enabled              boolean     NOT NULL DEFAULT true,
    must_change_password boolean     NOT NULL DEFAULT false,
    password_changed_at  timestamptz NOT NULL DEFAULT now(),
    failed_attempts      integer     NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    totp_secret          text,
    last_login_at        timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    version              integer     NOT NULL DEFAULT 0
);
CREATE INDEX app_user_division_idx ON app_user (division_code varchar_pattern_ops);

INSERT INTO role (code, name, description, administrator, sort_order) VALUES
    ('DISTRICT_OFFICE',    '区办',       '区领导小组办公室：统筹、配置、督导全区工作', false, 10),
    ('TOWN_OFFICER',       '镇街',       '镇、街道、片区管委会：实施主体，管理本辖区台账与整治', false, 20),
    ('VILLAGE_OFFICER',    '村社区',     '村、社区：排查上报本村社区企业，落实包保', false, 30),
    ('GRID_MEMBER',        '网格员',     '网格员：日常巡查、发现上报、现场取证', false, 40),
    ('DEPARTMENT_OFFICER', '部门',       '职能部门：办理移交、联合执法、审批把关', false, 50),
    ('SUPERVISOR',         '督查',       '督查组：明察暗访、督查跟踪', false, 60),
    ('LEADER',             '领导',       '领导：只读总览', false, 70),
    ('SYSTEM_ADMIN',       '系统管理员', '用户与配置管理，不接触业务数据', true, 80),
    ('SECURITY_ADMIN',     '安全管理员', '角色权限、解锁、安全策略', true, 90),
    ('AUDITOR',            '审计员',     '只看审计记录，不改业务数据', true, 100);
