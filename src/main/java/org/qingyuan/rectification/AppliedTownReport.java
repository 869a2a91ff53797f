package org.qingyuan.rectification;

import java.util.ArrayList;
import java.util.List;

import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;

/**
 * What the town wrote in its survey ledger as applied to a case, and how the district settled a 整治要求 that differs
 * from the case's measure.
 *
 * @param report null when nothing was imported
 * @param settlement the district's reason, or null while not settled
 */
record AppliedTownReport(TownReport report, String settlement) {

    static final AppliedTownReport NONE = new AppliedTownReport(null, null);

    /** The town's 整治要求 names another measure than the plan's. */
    boolean requirementDiffers(MeasurePlan plan) {
        return report != null && report.requirement() != null && !TownReport.agrees(report.requirement(), plan);
    }

    /** The district settles a differing requirement with a reason (the measure stands). */
    AppliedTownReport settle(MeasurePlan plan, String reason) {
        if (!requirementDiffers(plan) || settlement != null) {
            throw new ConflictException("本案没有待处理的“填报要求与方案不一致”");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请写明处理意见（如：按方案执行，填报有误）");
        }
        return new AppliedTownReport(report, reason.strip());
    }

    /**
     * 待核实 while a claimed 完成情况 is not backed by evidenced items; 填报要求与方案不一致 until the district settles it.
     *
     * @param workUnproven the case is not closed out and misses items
     */
    List<String> flags(MeasurePlan plan, boolean workUnproven) {
        List<String> flags = new ArrayList<>();
        if (report != null && report.progress() != null && workUnproven) {
            flags.add("待核实");
        }
        if (requirementDiffers(plan) && settlement == null) {
            flags.add("填报要求与方案不一致");
        }
        return flags;
    }
}
