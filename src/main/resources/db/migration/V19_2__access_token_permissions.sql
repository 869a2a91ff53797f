-- An API token carries an explicit list of permissions (issue 18: a gatekeeping token holds only GATEKEEPING).
-- A request names the permissions asked for; the token gets exactly those. At each call the token may use a
-- permission only while it is both in its list and still granted to its role (role_permission).
-- Existing tokens and requests keep what they could do: the permissions their role holds now.
ALTER TABLE api_token ADD COLUMN permissions text[] NOT NULL DEFAULT '{}';
ALTER TABLE api_token_request ADD COLUMN permissions text[] NOT NULL DEFAULT '{}';
UPDATE api_token t
   SET permissions = coalesce((SELECT array_agg(p.permission ORDER BY p.permission) FROM role_permission p
                                WHERE p.role_code = t.role_code), '{}');
UPDATE api_token_request r
   SET permissions = coalesce((SELECT array_agg(p.permission ORDER BY p.permission) FROM role_permission p
                                WHERE p.role_code = r.role_code), '{}');
