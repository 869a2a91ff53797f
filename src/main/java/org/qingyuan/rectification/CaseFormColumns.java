package org.qingyuan.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The platform's record of the work as the official forms print it (001 附件1 整治要求 / 整治期限 / 分包责任人 /
 * 完成情况, 004 附件2 整治情况), for a chunk of enterprises in one query. An enterprise without a case is
 * answered from its classification and from what its town reported, where there is either.
 */
public interface CaseFormColumns {

    /** The columns of each enterprise that has any; unscoped: the caller has selected the enterprises in its scope. */
    default Map<Long, Columns> of(Long[] enterpriseIds) {
        return of(enterpriseIds, true);
    }

    /** The same; without the category when the form has no column for it (the survey ledger), which reads less. */
    Map<Long, Columns> of(Long[] enterpriseIds, boolean withCategory);

    /**
     * As {@link #of(Long[], boolean)}, as things stood at an instant, as far as the history tells: only cases opened by
     * then, each with its state then (its last timeline step by then) and, when closed out then, that close-out's date;
     * only town reports received by then; the classification of then (category and, without a case, the measure). A
     * case's requirement (its measure), deadline and responsible person are its current ones: its timeline records
     * their changes as text only.
     */
    Map<Long, Columns> of(Long[] enterpriseIds, boolean withCategory, Instant asOf);

    /**
     * @param category the classification's category (e.g. 散乱污 / 关停取缔类), or null
     * @param requirement the measure (the case's, else the classification's, else the town's words)
     * @param deadline the effective deadline as the form prints it (a date, or the town's words when no case dates it)
     * @param responsible the responsible person's name and phone
     * @param progress the case's state in the form's words (补办手续 / 正在整治 / 正在拆除 / 拆除到位（2017-03-18）…)
     */
    record Columns(String category, String requirement, String deadline, String responsible, String progress) {
    }

    /** The words of 001 附件1 注4 for a case's state: what is under way, or what is done with its date. */
    static String progressWords(org.qingyuan.policy.MeasureKind measure, java.util.List<Requirement> requirements, CaseState state,
                                LocalDate closedOutOn) {
        return switch (state) {
            case CLOSED_OUT -> switch (measure) {
                case SHUTDOWN -> "拆除到位";
                case RELOCATE -> "搬迁到位";
                default -> requirements.size() == 1 && requirements.contains(Requirement.APPROVALS_OBTAINED) ? "手续补办到位" : "整改到位";
            } + (closedOutOn == null ? "" : "（" + closedOutOn + "）");
            case REGISTERED -> "未开始整治";
            case AWAITING_ACCEPTANCE -> "整治完成，待验收";
            case ACCEPTED -> "验收通过，待销号";
            case WITHDRAWN -> "已撤销";
            default -> Requirements.progressLabel(measure, requirements);
        };
    }
}
