package org.qingyuan.gatekeeping.internal;

import java.util.Optional;
import java.util.function.Function;

import org.qingyuan.policy.GatekeepingBasis;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.Policy;
import org.qingyuan.policy.PolicyInfo;
import org.springframework.stereotype.Component;

/**
 * The provisions the gatekeeping answers cite, from the district's active plan: its {@code gatekeeping:} provisions
 * verbatim when it states them, else the plan by its own title with a neutral wording of the principle — never another
 * locality's document. Without an active plan only the principle.
 */
@Component
class LegalBasis {

    /** The principles in neutral words (the campaign's documents agree on them; none is quoted). */
    static final String ENTRY_RED_LINE_PRINCIPLE = "严把市场准入关，严禁新增“散乱污”企业；规范新增接电、接水管理，防止已取缔企业死灰复燃";
    static final String NO_SUPPORT_PRINCIPLE = "对列入“散乱污”企业台账的企业，原则上不予办理审批、备案，不予落实产业优惠扶持政策";
    static final String NO_NEW_PRINCIPLE = "对“散乱污”企业及整改未完成的企业，不予办理新建项目审批、核准、备案手续";

    private final Policies policies;

    LegalBasis(Policies policies) {
        this.policies = policies;
    }

    /** (a) the entry red line. */
    String entryRedLine() {
        return cite(GatekeepingBasis::entryRedLine, ENTRY_RED_LINE_PRINCIPLE);
    }

    /** (b) no approvals, filings or subsidies for listed enterprises. */
    String noSupport() {
        return cite(GatekeepingBasis::noSupport, NO_SUPPORT_PRINCIPLE);
    }

    /** (c) no new projects for enterprises that have not finished rectification. */
    String noNewProjects() {
        return cite(GatekeepingBasis::noNewProjects, NO_NEW_PRINCIPLE);
    }

    private String cite(Function<GatekeepingBasis, String> provision, String principle) {
        Optional<Policy> plan = policies.active();
        if (plan.isEmpty()) {
            return "“散乱污”企业整治原则：" + principle;
        }
        String stated = provision.apply(plan.get().gatekeeping());
        return stated != null ? stated : "依据" + title(plan.get().info()) + "开展“散乱污”企业整治：" + principle;
    }

    static String title(PolicyInfo info) {
        String document = info.document();
        boolean numbered = document != null && !document.isBlank() && !document.contains(info.title());
        return "《" + info.title() + "》" + (numbered ? "（" + document + "）" : "");
    }
}
