package org.qingyuan.access.internal;

import java.util.List;

import org.qingyuan.access.Departments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Departments from the {@code department} table. */
@Component
class JdbcDepartments implements Departments {

    private final JdbcClient jdbc;

    JdbcDepartments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Department> all() {
        return jdbc.sql("SELECT code, name FROM department ORDER BY sort_order, code")
                .query((rs, i) -> new Department(rs.getString(1), rs.getString(2))).list();
    }
}
