package org.qingyuan.access.internal;

import org.qingyuan.access.RoleCode;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rules an account must meet before it is created or re-bound: a free user name, a real division, a department. */
@Component
class AccountChecks {

    private final JdbcClient jdbc;
    private final Divisions divisions;

    AccountChecks(JdbcClient jdbc, Divisions divisions) {
        this.jdbc = jdbc;
        this.divisions = divisions;
    }

    DivisionCode checkNewUser(UserAdministration.NewUser user) {
        if (user.username() == null || !user.username().matches("[A-Za-z0-9_.-]{2,64}")) {
            throw new InvalidInputException("username", "用户名应为 2–64 位字母、数字、下划线、点或连字符");
        }
        if (jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", user.username().strip())
                .query(Integer.class).single() > 0) {
            throw new InvalidInputException("username", "用户名 " + user.username() + " 已被使用");
        }
        if (user.displayName() == null || user.displayName().isBlank()) {
            throw new InvalidInputException("displayName", "请填写姓名");
        }
        if (user.role() == null) {
            throw new InvalidInputException("role", "请选择角色");
        }
        return checkBinding(user.role(), user.divisionCode(), user.departmentCode());
    }

    DivisionCode checkBinding(RoleCode role, String divisionCode, String departmentCode) {
        if (divisionCode == null || divisionCode.isBlank()) {
            throw new InvalidInputException("divisionCode", "请选择所属区划");
        }
        DivisionCode division = InvalidInputException.divisionCode("divisionCode", divisionCode);
        if (divisions.find(division).isEmpty()) {
            throw new InvalidInputException("divisionCode", "区划代码 " + division + " 不存在");
        }
        boolean department = departmentCode != null && !departmentCode.isBlank();
        if (role == RoleCode.DEPARTMENT_OFFICER && !department) {
            throw new InvalidInputException("departmentCode", "部门用户必须绑定所属部门");
        }
        if (department && jdbc.sql("SELECT count(*) FROM department WHERE code = :code").param("code", departmentCode)
                .query(Integer.class).single() == 0) {
            throw new InvalidInputException("departmentCode", "部门 " + departmentCode + " 不存在");
        }
        return division;
    }

    static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请填写操作理由");
        }
    }
}
