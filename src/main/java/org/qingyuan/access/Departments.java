package org.qingyuan.access;

import java.util.List;

/** The functional departments and utilities (003 四, 004 五) as reference data: codes and Chinese names. */
public interface Departments {

    /** Every department in display order. */
    List<Department> all();

    /** The name of a code, or the code itself when unknown. */
    default String name(String code) {
        return all().stream().filter(d -> d.code().equals(code)).map(Department::name).findFirst().orElse(code);
    }

    /** One department, e.g. {@code ENVIRONMENT 生态环境}. */
    record Department(String code, String name) {
    }
}
