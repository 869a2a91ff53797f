package org.qingyuan.access;

/** The roles of the platform; their names, descriptions and permissions are rows of the database. */
public enum RoleCode {
    /** 区办: the district leading-group office; coordinates, configures, supervises. */
    DISTRICT_OFFICE(false),
    /** 镇街: a town, street or area committee, the implementing subject. */
    TOWN_OFFICER(false),
    /** 村社区: a village or community committee. */
    VILLAGE_OFFICER(false),
    /** 网格员: patrols a grid, finds and reports. */
    GRID_MEMBER(false),
    /** 部门: an officer of a functional department, bound to it. */
    DEPARTMENT_OFFICER(false),
    /** 督查: supervision team. */
    SUPERVISOR(false),
    /** 领导: read-only overview. */
    LEADER(false),
    /** 系统管理员: users and configuration, no business data. */
    SYSTEM_ADMIN(true),
    /** 安全管理员: roles, policies, unlocks. */
    SECURITY_ADMIN(true),
    /** 审计员: the audit trail only. */
    AUDITOR(true);

    private final boolean administrator;

    RoleCode(boolean administrator) {
        this.administrator = administrator;
    }

    /** True for the three separated administrator roles. */
    public boolean administrator() {
        return administrator;
    }
}
