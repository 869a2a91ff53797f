-- Permissions known to the platform; a permission's default grants are applied once, when it first appears.
CREATE TABLE permission (
    code       text PRIMARY KEY,
    label      text NOT NULL,
    seeded_at  timestamptz NOT NULL DEFAULT now()
);

-- The login policy (one row), edited by the security admin.
CREATE TABLE login_policy (
    id                     integer PRIMARY KEY CHECK (id = 1),
    min_length             integer NOT NULL CHECK (min_length BETWEEN 8 AND 64),
    min_classes            integer NOT NULL CHECK (min_classes BETWEEN 1 AND 4),
    max_failures           integer NOT NULL CHECK (max_failures BETWEEN 3 AND 20),
    lock_minutes           integer NOT NULL CHECK (lock_minutes BETWEEN 1 AND 1440),
    idle_timeout_minutes   integer NOT NULL CHECK (idle_timeout_minutes BETWEEN 5 AND 480),
    absolute_timeout_hours integer NOT NULL CHECK (absolute_timeout_hours BETWEEN 1 AND 72),
    password_max_age_days  integer NOT NULL CHECK (password_max_age_days BETWEEN 0 AND 3650),
    totp_roles             text[]  NOT NULL DEFAULT '{}',
    updated_at             timestamptz NOT NULL DEFAULT now(),
    version                integer NOT NULL DEFAULT 0
);
INSERT INTO login_policy (id, min_length, min_classes, max_failures, lock_minutes, idle_timeout_minutes,
                          absolute_timeout_hours, password_max_age_days)
VALUES (1, 8, 3, 5, 30, 30, 12, 90);

-- API tokens for system-to-system clients: only the SHA-256 of the token is kept.
CREATE TABLE api_token (
    id              bigserial PRIMARY KEY,
    name            text        NOT NULL,
    token_hash      char(64)    NOT NULL UNIQUE,
    token_prefix    text        NOT NULL,
    role_code       text        NOT NULL REFERENCES role (code),
    division_code   varchar(12) NOT NULL REFERENCES division (code),
    department_code text REFERENCES department (code),
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    revoked_by      text
);

-- Functional departments and utilities (003 四, 004 五); a department officer is bound to one.
INSERT INTO department (code, name, sort_order) VALUES
    ('ENVIRONMENT',         '生态环境', 10),
    ('MARKET_REGULATION',   '市场监管', 20),
    ('NATURAL_RESOURCES',   '规划和自然资源', 30),
    ('HOUSING',             '住房城乡建设', 40),
    ('URBAN_MANAGEMENT',    '城市管理', 50),
    ('EMERGENCY',           '应急管理', 60),
    ('PUBLIC_SECURITY',     '公安', 70),
    ('FIRE_RESCUE',         '消防救援', 80),
    ('ECONOMY_INFORMATION', '经济和信息化', 90),
    ('AGRICULTURE',         '农业农村', 100),
    ('FORESTRY',            '林业', 110),
    ('TRANSPORT',           '交通运输', 120),
    ('PETITIONS',           '信访', 130),
    ('POWER_SUPPLY',        '供电公司', 140),
    ('WATER_SUPPLY',        '供水公司', 150),
    ('GAS_SUPPLY',          '燃气公司', 160);
