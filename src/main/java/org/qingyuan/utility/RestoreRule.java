package org.qingyuan.utility;

import java.util.Optional;

import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseState;

/**
 * 恢复供应的规则: supply is never restored to a site that is shut down (关停取缔) or that the enterprise had to leave
 * (搬迁入园: nothing may be produced on the old site); an enterprise under remediation (整治规范) gets it back only once
 * its case is accepted on site (验收通过) or closed out — the acceptance is what allows the restart. Without a case, or
 * with a withdrawn one, nothing forbids it.
 */
public final class RestoreRule {

    private RestoreRule() {
    }

    /** Why restoring is refused for the case, or empty when it is allowed. */
    public static Optional<String> refusal(MeasureKind measure, CaseState state, Long caseId) {
        if (measure == null || state == null || state == CaseState.WITHDRAWN) {
            return Optional.empty();
        }
        String ref = "整治任务 #" + caseId;
        return switch (measure) {
            case SHUTDOWN -> Optional.of("该企业已列为关停取缔（" + ref + "），不得恢复供应");
            case RELOCATE -> Optional.of("该企业须搬迁入园（" + ref + "），原址不得恢复供应");
            case REMEDIATE -> state == CaseState.ACCEPTED || state == CaseState.CLOSED_OUT ? Optional.empty()
                    : Optional.of("该企业的整治尚未验收通过（" + ref + "，当前“" + state.label() + "”），验收通过后方可恢复供应");
            case SUPERVISE -> Optional.empty();
        };
    }
}
