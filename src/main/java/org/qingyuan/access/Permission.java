package org.qingyuan.access;

import static org.qingyuan.access.RoleCode.AUDITOR;
import static org.qingyuan.access.RoleCode.DEPARTMENT_OFFICER;
import static org.qingyuan.access.RoleCode.DISTRICT_OFFICE;
import static org.qingyuan.access.RoleCode.GRID_MEMBER;
import static org.qingyuan.access.RoleCode.LEADER;
import static org.qingyuan.access.RoleCode.SECURITY_ADMIN;
import static org.qingyuan.access.RoleCode.SUPERVISOR;
import static org.qingyuan.access.RoleCode.SYSTEM_ADMIN;
import static org.qingyuan.access.RoleCode.TOWN_OFFICER;
import static org.qingyuan.access.RoleCode.VILLAGE_OFFICER;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every permission of the platform, in one place: the route table, the pages, the API and the
 * tests all use this list. Which role holds which permission is data (table
 * {@code role_permission}, edited by the security admin); the roles named here are the grants a
 * permission receives when it first appears. Each administrative permission belongs to exactly one of
 * the three administrator roles, its {@link #owner()}, and can never be granted to another role;
 * business permissions never go to an administrator (separation of duties, 三员分立).
 */
public enum Permission {

    /** Browse the division tree (reference data). */
    REGION_READ("查看行政区划", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER, GRID_MEMBER, DEPARTMENT_OFFICER,
            SUPERVISOR, LEADER),
    /** Read enterprises of the ledger and their dossiers within the jurisdiction. */
    LEDGER_READ("查看台账", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER, GRID_MEMBER, DEPARTMENT_OFFICER,
            SUPERVISOR, LEADER),
    /** Register, edit, merge and withdraw enterprises; upload dossier files. */
    LEDGER_EDIT("登记和修改台账", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER, GRID_MEMBER),
    /** Import ledgers from Excel. */
    LEDGER_IMPORT("导入台账", false, DISTRICT_OFFICE, TOWN_OFFICER),
    /** Export the ledger and the official forms. */
    LEDGER_EXPORT("导出台账和报表", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER, SUPERVISOR, LEADER),
    /** Read the plans (policies), their rules and evaluations. */
    POLICY_READ("查看实施方案", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER, GRID_MEMBER, DEPARTMENT_OFFICER,
            SUPERVISOR, LEADER),
    /** Activate a plan, assign zones, override a classification (一企一策). */
    POLICY_MANAGE("管理实施方案和分类", false, DISTRICT_OFFICE),
    /** Read rectification cases. */
    CASE_READ("查看整治任务", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER, GRID_MEMBER, DEPARTMENT_OFFICER,
            SUPERVISOR, LEADER),
    /** Record the steps and evidence of a case. */
    CASE_EDIT("办理整治任务", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER, GRID_MEMBER, DEPARTMENT_OFFICER),
    /** Accept the work of a case on site (验收). */
    CASE_ACCEPT("验收整治任务", false, DISTRICT_OFFICE, TOWN_OFFICER, DEPARTMENT_OFFICER),
    /** Approve the close-out of a case (销号). */
    CASE_CLOSE_OUT("审批销号", false, DISTRICT_OFFICE, TOWN_OFFICER),

    /** See the leading group, its office and the liaisons of the units in the jurisdiction. */
    ORGANISATION_READ("查看领导小组和联络员", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER, GRID_MEMBER, DEPARTMENT_OFFICER,
            SUPERVISOR, LEADER),
    /** Keep the district's leading group (领导小组) and its office (办公室). */
    ORGANISATION_MANAGE("维护领导小组和办公室", false, DISTRICT_OFFICE),
    /** Name or change the liaison (联络员) of one's own unit; the district office for any unit. */
    LIAISON_EDIT("维护本单位联络员", false, DISTRICT_OFFICE, TOWN_OFFICER, DEPARTMENT_OFFICER),

    /** See the grids (网格) of the jurisdiction, their members and enterprises. */
    GRID_READ("查看网格", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER, GRID_MEMBER, SUPERVISOR, LEADER),
    /** Draw grids, name their members and place enterprises in them by hand. */
    GRID_MANAGE("划分网格和指定网格员", false, DISTRICT_OFFICE, TOWN_OFFICER),
    /** See patrols, check-ins and the night-patrol rota of the jurisdiction. */
    PATROL_READ("查看巡查记录", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER, GRID_MEMBER, SUPERVISOR, LEADER),
    /** Patrol: start and end patrols, check in at sites, report findings and the arrival of enforcement. */
    PATROL_RECORD("巡查打卡和报告发现", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER, GRID_MEMBER),
    /** Plan the town's night patrols (夜查排班). */
    NIGHT_PATROL_PLAN("安排夜查值班", false, DISTRICT_OFFICE, TOWN_OFFICER),
    /** Add a revisit (回头看) of a closed-out enterprise of the town, beyond the plan's schedule. */
    REVISIT_PLAN("增加回头看", false, DISTRICT_OFFICE, TOWN_OFFICER),

    /** Read the reports (报送) of the units in the jurisdiction, and the bulletins. */
    REPORT_READ("查看报送情况和通报", false, DISTRICT_OFFICE, TOWN_OFFICER, DEPARTMENT_OFFICER, SUPERVISOR, LEADER),
    /** Prepare, submit and correct one's own unit's reports. */
    REPORT_SUBMIT("报送本单位报表", false, DISTRICT_OFFICE, TOWN_OFFICER, DEPARTMENT_OFFICER),
    /** Receive or return the units' reports (the district office). */
    REPORT_RECEIVE("接收和退回各单位报表", false, DISTRICT_OFFICE),
    /** Compose and publish the weekly bulletin and the monthly summary. */
    BULLETIN_ISSUE("编发周通报和月小结", false, DISTRICT_OFFICE),
    /** Read the leads (线索) waiting in the towns' queues of the jurisdiction, and those decided. */
    LEAD_READ("查看线索", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER, GRID_MEMBER, SUPERVISOR, LEADER),
    /** File a lead: a possible 散乱污 site found on a patrol, assigned from above, found by supervision. */
    LEAD_REPORT("上报线索", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER, GRID_MEMBER, SUPERVISOR),
    /** Decide a lead: confirm it into the ledger, merge it into an enterprise there, or dismiss it with a reason. */
    LEAD_DECIDE("核实处理线索", false, DISTRICT_OFFICE, TOWN_OFFICER),
    /** Read supervision rounds, inspections and the tracking ledger (a town sees its own, covert ones once done). */
    SUPERVISION_READ("查看督查和督查跟踪台账", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER, DEPARTMENT_OFFICER, SUPERVISOR,
            LEADER),
    /** Draw supervision rounds, inspect on site (明察暗访), hand problems over, verify and close them. */
    SUPERVISION_INSPECT("组织督查和现场检查", false, DISTRICT_OFFICE, SUPERVISOR),
    /** Report the rectification of a supervision problem handed to one's town or department. */
    SUPERVISION_RECTIFY("报告督查问题整改情况", false, TOWN_OFFICER, VILLAGE_OFFICER, DEPARTMENT_OFFICER),
    /** Record the escalation steps of a problem: the notice's document, the summons held (约谈). */
    SUPERVISION_ESCALATE("通报和约谈记录", false, DISTRICT_OFFICE, SUPERVISOR),
    /** Read the quarterly assessment (季度考核) of the district: a town's officer his own town's row until publication. */
    ASSESSMENT_READ("查看季度考核排名", false, DISTRICT_OFFICE, TOWN_OFFICER, SUPERVISOR, LEADER),
    /** Freeze a quarter's assessment inputs and publish its ranking bulletin (the district office). */
    ASSESSMENT_MANAGE("冻结和通报季度考核", false, DISTRICT_OFFICE),
    /** Record 通报批评, 约谈, 问责 (referral to 纪检监察) and 表彰, each with its evidence. */
    ACCOUNTABILITY_RECORD("记录通报批评、约谈、问责和表彰", false, DISTRICT_OFFICE, SUPERVISOR),
    /** See the departments and their duties, referrals (移交) and joint operations of the jurisdiction (a department its own). */
    REFERRAL_READ("查看部门职责、移交和联合执法", false, DISTRICT_OFFICE, TOWN_OFFICER, DEPARTMENT_OFFICER, SUPERVISOR, LEADER),
    /** Refer a matter to the competent department in writing; confirm or return its answer. */
    REFERRAL_CREATE("移交职能部门并确认办理结果", false, DISTRICT_OFFICE, TOWN_OFFICER),
    /** Accept and answer the referrals addressed to one's department; record its part in joint operations. */
    REFERRAL_ANSWER("办理移交事项和联合执法", false, DEPARTMENT_OFFICER),
    /** Keep the departments' duties and organise joint enforcement operations (the district office). */
    DEPARTMENT_MANAGE("维护部门职责和组织联合执法", false, DISTRICT_OFFICE),
    /**
     * Look an enterprise or a site up against the ledger and the entry red line (禁入查询): approval bodies by API token,
     * department officers by hand; utilities screen new connections with it.
     */
    GATEKEEPING("禁入查询和接电接水筛查", false, DISTRICT_OFFICE, DEPARTMENT_OFFICER),
    /** Keep the entry red-line areas (禁入红线): divisions or polygons, banned industries, the document. */
    RED_LINE_MANAGE("维护禁入红线", false, DISTRICT_OFFICE),
    /** Record landlords (出租方), their premises and guarantee letters (保证书); see the village-leasing flags. */
    LANDLORD_RECORD("登记出租方和保证书", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER),
    /** Read utility orders (供水供电供气指令): the district and towns of the jurisdiction, a utility's officers only its own. */
    UTILITY_ORDER_READ("查看供水供电供气指令", false, DISTRICT_OFFICE, TOWN_OFFICER, DEPARTMENT_OFFICER, SUPERVISOR, LEADER),
    /** Order the water, power or gas utility to cut, limit or restore supply for an enterprise of the jurisdiction. */
    UTILITY_ORDER_ISSUE("下达断水断电断气指令", false, DISTRICT_OFFICE, TOWN_OFFICER),
    /** Confirm the execution of an order to one's own utility, with the document and the time executed. */
    UTILITY_ORDER_CONFIRM("确认执行供水供电供气指令", false, DEPARTMENT_OFFICER),
    /** Read the licence actions (营业执照变更、注销、吊销) recorded against enterprises of the jurisdiction. */
    LICENCE_READ("查看营业执照处理记录", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER, GRID_MEMBER, DEPARTMENT_OFFICER,
            SUPERVISOR, LEADER),
    /** Record a licence change, deregistration or revocation (market regulation's officers). */
    LICENCE_RECORD("记录营业执照变更、注销和吊销", false, DEPARTMENT_OFFICER),
    /** Read the public's complaints (举报) of the jurisdiction: never the reporter, whose contact is shown masked. */
    COMPLAINT_READ("查看群众举报", false, DISTRICT_OFFICE, TOWN_OFFICER, VILLAGE_OFFICER, SUPERVISOR, LEADER),
    /** Verify a complaint assigned to one's town on site and decide it founded or unfounded; record hotline calls. */
    COMPLAINT_HANDLE("核查办理群众举报", false, DISTRICT_OFFICE, TOWN_OFFICER),
    /** Triage complaints, assign them to towns, reply, import 12369 batches, record rewards and publish typical cases. */
    COMPLAINT_MANAGE("分办答复群众举报、有奖举报和典型案例", false, DISTRICT_OFFICE),
    /** See a reporter's full name, phone and ID after giving a reason; every unmasking is audited. */
    REPORTER_UNMASK("查看举报人完整信息（须说明理由）", false, DISTRICT_OFFICE),
    /** Request an API token for a system of the caller's own jurisdiction (the system admin approves). */
    TOKEN_REQUEST("申请接口令牌", false, DISTRICT_OFFICE),
    /**
     * Collect, once, the one-time password of a business account of the caller's jurisdiction that the system admin
     * created or reset, and pass it to the person (账号交付): the system admin never sees it.
     */
    CREDENTIAL_COLLECT("领取并转交账号初始密码", false, DISTRICT_OFFICE),

    /** Create, disable and reset users; bind them to a division and department. */
    USER_MANAGE("用户管理", true, SYSTEM_ADMIN),
    /** Create and revoke API tokens for system-to-system clients. */
    TOKEN_MANAGE("接口令牌管理", true, SYSTEM_ADMIN),
    /** Platform configuration: holiday calendar, departments, reference data. */
    CONFIG_MANAGE("系统配置", true, SYSTEM_ADMIN),
    /** Change which role holds which permission. */
    ROLE_MANAGE("角色权限管理", true, SECURITY_ADMIN),
    /** Unlock locked accounts. */
    ACCOUNT_UNLOCK("解锁账号", true, SECURITY_ADMIN),
    /** Change the login policy values and second-factor requirements. */
    SECURITY_POLICY_MANAGE("安全策略管理", true, SECURITY_ADMIN),
    /**
     * Approve or refuse the system admin's request to create, reset, disable, enable or re-bind an administrator's
     * account (or a business account no district office can take over).
     */
    ADMIN_ACCOUNT_APPROVE("审批管理员账号的创建和密码重置", true, SECURITY_ADMIN),
    /** Read the audit trail and verify its hash chain. */
    AUDIT_READ("查看审计记录", true, AUDITOR);

    private final String label;
    private final boolean administrative;
    private final Set<RoleCode> defaultRoles;

    Permission(String label, boolean administrative, RoleCode first, RoleCode... more) {
        this.label = label;
        this.administrative = administrative;
        this.defaultRoles = EnumSet.of(first, more);
        if (administrative && (more.length > 0 || !first.administrator())) {
            throw new IllegalStateException(name() + ": an administrative permission belongs to one administrator role");
        }
    }

    /** The one administrator role an administrative permission belongs to; null for business permissions. */
    public RoleCode owner() {
        return administrative ? defaultRoles.iterator().next() : null;
    }

    /** The Chinese name shown to the security admin. */
    public String label() {
        return label;
    }

    /** True for permissions that only administrator roles may hold. */
    public boolean administrative() {
        return administrative;
    }

    /** The roles granted this permission when it first appears. */
    public Set<RoleCode> defaultRoles() {
        return defaultRoles;
    }
}
