package org.qingyuan.utility.internal;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.referral.DepartmentWork;
import org.qingyuan.utility.OrderState;
import org.qingyuan.utility.Utility;
import org.qingyuan.utility.UtilityOrder;
import org.springframework.stereotype.Component;

/** The orders waiting in a utility's queue, for the utility officer's department queue. */
@Component
class UtilityDepartmentWork implements DepartmentWork {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final UtilityOrderService orders;

    UtilityDepartmentWork(UtilityOrderService orders) {
        this.orders = orders;
    }

    @Override
    public List<Item> pending(CurrentUser user) {
        if (user.departmentCode() == null || Utility.ofDepartment(user.departmentCode()).isEmpty()) {
            return List.of();
        }
        return orders.list(user, OrderState.ORDERED, null).stream()
                .sorted(Comparator.comparing(UtilityOrder::orderedAt))
                .map(o -> new Item(o.label() + "指令", o.enterpriseName(), "户号 " + o.accountNo() + (o.reason() == null ? "" : "：" + o.reason()),
                        o.orderedAt().atZone(CHINA).toLocalDate(), "/utility-orders/" + o.id()))
                .toList();
    }
}
