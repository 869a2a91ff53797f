package org.qingyuan.access.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.qingyuan.access.RoleHolders;
import org.qingyuan.access.UserContacts;
import org.qingyuan.access.UserNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcUserNames implements UserNames, UserContacts, RoleHolders {

    private final JdbcClient jdbc;

    JdbcUserNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        if (usernames.contains("system")) {
            names.put("system", "系统");
        }
        String[] wanted = usernames.stream().filter(u -> u != null && !u.equals("system")).distinct().toArray(String[]::new);
        if (wanted.length > 0) {
            jdbc.sql("SELECT username, display_name FROM app_user WHERE username = ANY(:names)").param("names", wanted)
                    .query(rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    });
        }
        return names;
    }

    @Override
    public java.util.Optional<Contact> contact(String username) {
        return jdbc.sql("SELECT display_name, phone FROM app_user WHERE username = :username").param("username", username)
                .query((rs, i) -> new Contact(rs.getString(1), rs.getString(2))).optional();
    }

    @Override
    public java.util.List<String> covering(Collection<String> roleCodes, String divisionCode) {
        return jdbc.sql("""
                        SELECT username FROM app_user
                         WHERE enabled AND role_code IN (:roles) AND :division LIKE division_code || '%'
                        """)
                .param("roles", roleCodes).param("division", divisionCode).query(String.class).list();
    }

    @Override
    public java.util.List<String> ofDepartment(String departmentCode) {
        return jdbc.sql("SELECT username FROM app_user WHERE enabled AND role_code = 'DEPARTMENT_OFFICER' AND department_code = :d")
                .param("d", departmentCode).query(String.class).list();
    }

    @Override
    public java.util.List<String> byPhone(String phone, String divisionCode) {
        if (phone == null || phone.isBlank()) {
            return java.util.List.of();
        }
        return jdbc.sql("SELECT username FROM app_user WHERE enabled AND phone = :phone AND division_code LIKE left(:division, 6) || '%'")
                .param("phone", phone.strip()).param("division", divisionCode).query(String.class).list();
    }

    @Override
    public java.util.List<String> within(Collection<String> roleCodes, String divisionCode) {
        return jdbc.sql("SELECT username FROM app_user WHERE enabled AND role_code IN (:roles) AND division_code LIKE :division || '%'")
                .param("roles", roleCodes).param("division", divisionCode).query(String.class).list();
    }
}
