package org.qingyuan.referral.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.referral.DepartmentQueue;
import org.qingyuan.referral.DepartmentWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The department queue's three parts as one list of items. */
@Component
class QueueOfDepartment implements DepartmentQueue {

    private final ReferralService referrals;
    private final OperationService operations;
    private final ObjectProvider<DepartmentWork> otherWork;

    QueueOfDepartment(ReferralService referrals, OperationService operations, ObjectProvider<DepartmentWork> otherWork) {
        this.referrals = referrals;
        this.operations = operations;
        this.otherWork = otherWork;
    }

    @Override
    public List<DepartmentWork.Item> pending(CurrentUser user) {
        if (user.departmentCode() == null) {
            return List.of();
        }
        List<DepartmentWork.Item> items = new ArrayList<>();
        referrals.list(user, true, null, false).forEach(r -> items.add(new DepartmentWork.Item("移交事项",
                r.enterpriseName() == null ? r.problem() : r.enterpriseName(),
                r.problem() + " · 期限 " + r.deadline(), r.referredOn(), "/referrals/" + r.id())));
        operations.pending(user).forEach(p -> items.add(new DepartmentWork.Item("联合执法",
                p.target().enterpriseName(), p.operation().title(), p.operation().heldOn(),
                "/operations/" + p.operation().id())));
        otherWork.orderedStream().forEach(w -> items.addAll(w.pending(user)));
        items.sort(Comparator.comparing(DepartmentWork.Item::since, Comparator.nullsLast(Comparator.naturalOrder())));
        return items;
    }
}
