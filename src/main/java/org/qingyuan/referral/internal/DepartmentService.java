package org.qingyuan.referral.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Departments;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.RoleHolders;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.referral.DepartmentDuty;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The departments as the district keeps them (D1): their duties in the campaign (seeded from 003 四 and 000 二、三),
 * edited by the district office, versioned and audited; and their officers' accounts.
 */
@Service
public class DepartmentService {

    private final ReferralStore store;
    private final Departments departments;
    private final RoleHolders holders;
    private final AuditTrail audit;
    private final Clock clock;

    DepartmentService(ReferralStore store, Departments departments, RoleHolders holders, AuditTrail audit, Clock clock) {
        this.store = store;
        this.departments = departments;
        this.holders = holders;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every department with its duties in the user's district and its officers. */
    @Transactional(readOnly = true)
    public List<DepartmentDuty> list(CurrentUser user) {
        Map<String, ReferralStore.Duty> duties = store.duties(ReferralService.district(user));
        List<DepartmentDuty> out = new ArrayList<>();
        for (Departments.Department d : departments.all()) {
            ReferralStore.Duty duty = duties.get(d.code());
            out.add(new DepartmentDuty(d.code(), d.name(), duty == null ? "" : duty.duties(), duty == null ? null : duty.source(),
                    holders.ofDepartment(d.code()), duty == null ? 0 : duty.version(), duty == null ? null : duty.updatedAt(),
                    duty == null ? null : duty.updatedBy()));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public DepartmentDuty get(CurrentUser user, String code) {
        return list(user).stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("没有这个部门：" + code));
    }

    /** The district office changes a department's duties (and where they come from). */
    @Transactional
    public DepartmentDuty editDuties(CurrentUser user, String code, int version, String duties, String source) {
        if (user.role() != RoleCode.DISTRICT_OFFICE) {
            throw new org.springframework.security.access.AccessDeniedException("只有区办可以维护部门职责");
        }
        DepartmentDuty current = get(user, code);
        String text = duties == null ? "" : duties.strip();
        if (text.isEmpty() || text.length() > 4000) {
            throw new InvalidInputException("duties", "请填写部门职责（4000 字以内）");
        }
        String from = source == null || source.isBlank() ? null : source.strip();
        if (from != null && from.length() > 200) {
            throw new InvalidInputException("source", "职责依据不能超过 200 字");
        }
        if (current.version() != version
                || !store.saveDuty(ReferralService.district(user), code, version, text, from, clock.instant(), user.username())) {
            throw new ConflictException(current.name() + "的职责已被他人修改（当前版本 " + current.version() + "），请刷新后重试");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", current.duties());
        details.put("source", from == null ? "" : from);
        details.put("version", version + 1);
        audit.record(new AuditEvent("DEPARTMENT_DUTIES_EDITED", "Department", code, text, details));
        return get(user, code);
    }
}
