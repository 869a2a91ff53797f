-- Issue 21: each administrative permission belongs to exactly one of the three administrator roles
-- (系统管理员 / 安全管理员 / 审计员); the database refuses any other grant, whatever the code does.
ALTER TABLE permission ADD COLUMN owner_role text REFERENCES role (code);

UPDATE permission SET owner_role = CASE code
        WHEN 'USER_MANAGE' THEN 'SYSTEM_ADMIN'
        WHEN 'TOKEN_MANAGE' THEN 'SYSTEM_ADMIN'
        WHEN 'CONFIG_MANAGE' THEN 'SYSTEM_ADMIN'
        WHEN 'ROLE_MANAGE' THEN 'SECURITY_ADMIN'
        WHEN 'ACCOUNT_UNLOCK' THEN 'SECURITY_ADMIN'
        WHEN 'SECURITY_POLICY_MANAGE' THEN 'SECURITY_ADMIN'
        WHEN 'AUDIT_READ' THEN 'AUDITOR' END
 WHERE code IN ('USER_MANAGE', 'TOKEN_MANAGE', 'CONFIG_MANAGE', 'ROLE_MANAGE', 'ACCOUNT_UNLOCK',
                'SECURITY_POLICY_MANAGE', 'AUDIT_READ');

-- repair a matrix changed before this rule existed
DELETE FROM role_permission rp USING permission p
 WHERE p.code = rp.permission AND p.owner_role IS NOT NULL AND p.owner_role <> rp.role_code;
INSERT INTO role_permission (role_code, permission)
SELECT 'AUDITOR', 'AUDIT_READ' WHERE EXISTS (SELECT 1 FROM permission WHERE code = 'AUDIT_READ')
ON CONFLICT DO NOTHING;

CREATE FUNCTION role_permission_separation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    owner text;
    admin boolean;
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.role_code = 'AUDITOR' AND OLD.permission = 'AUDIT_READ' THEN
            RAISE EXCEPTION 'the auditor''s AUDIT_READ cannot be removed';
        END IF;
        RETURN OLD;
    END IF;
    SELECT owner_role INTO owner FROM permission WHERE code = NEW.permission;
    SELECT administrator INTO admin FROM role WHERE code = NEW.role_code;
    IF owner IS NOT NULL AND owner <> NEW.role_code THEN
        RAISE EXCEPTION 'permission % belongs to % and cannot be granted to %', NEW.permission, owner, NEW.role_code;
    END IF;
    IF owner IS NULL AND admin THEN
        RAISE EXCEPTION 'business permission % cannot be granted to administrator role %', NEW.permission, NEW.role_code;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER role_permission_separation BEFORE INSERT OR UPDATE OR DELETE ON role_permission
    FOR EACH ROW EXECUTE FUNCTION role_permission_separation();
