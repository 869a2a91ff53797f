-- What the demo module has seeded, so that it runs once per database without reading other modules' tables.
CREATE TABLE demo_seed (
    name      text PRIMARY KEY,
    seeded_at timestamptz NOT NULL DEFAULT now()
);

-- databases seeded before this table existed
INSERT INTO demo_seed (name)
SELECT 'enterprises' WHERE EXISTS (SELECT 1 FROM enterprise_version WHERE reason = '演示数据' AND version = 1);
