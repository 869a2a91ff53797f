package org.qingyuan.policy;

import java.math.BigDecimal;
import java.util.List;

/**
 * How the district supervises its towns (督查): the least share of each town's enterprises a round inspects, the
 * working days a town has to rectify a problem handed to it, and the escalation ladder when it does not. A plan declares
 * it under {@code supervision:}; without it, {@link #DEFAULT} — the reading of 001 四.
 *
 * @param share the least fraction of each town's enterprises a round draws, in (0, 1]
 * @param rectifyWorkingDays the deadline of a problem handed to a town or department, in working days
 * @param ladder the escalation steps in order, each taken when the previous deadline passed without rectification
 * @param source where it comes from
 */
public record SupervisionRules(BigDecimal share, int rectifyWorkingDays, List<Step> ladder, String source) {

    /** One rung of the ladder. */
    public enum StepKind {
        /** 通报: a written notice to the town's office with a new deadline. */
        NOTICE("通报"),
        /** 约谈: a formal talk with the town government's leaders. */
        SUMMONS("约谈");

        private final String label;

        StepKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param kind notice or summons
     * @param action what is done, in the plan's words
     * @param deadlineWorkingDays the new deadline for rectification (a notice) or for holding the talk (a summons)
     */
    public record Step(StepKind kind, String action, int deadlineWorkingDays) {
    }

    /** 001 四: at least 20%; 通报辖区环保部门并限期整治 → 逾期仍未整改到位的，报区大气办约谈辖区政府. */
    public static final SupervisionRules DEFAULT = new SupervisionRules(new BigDecimal("0.20"), 15, List.of(
            new Step(StepKind.NOTICE, "通报辖区环保部门并限期整治", 10),
            new Step(StepKind.SUMMONS, "报区大气办约谈辖区政府", 5)),
            "平台默认，依 001 四“督导企业比例不少于总数的 20%……对未整改到位的，通报辖区环保部门，并限期整治；"
                    + "对逾期仍未整改到位的，报区大气办约谈辖区政府”；期限天数为平台设定");

    public SupervisionRules {
        ladder = List.copyOf(ladder);
    }
}
