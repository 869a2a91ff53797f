package org.qingyuan.rectification;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.qingyuan.policy.MeasureKind;

/**
 * What a town wrote about the work on one enterprise in its survey ledger (001 附件1: 整治要求, 整治期限, 分包责任人,
 * 完成情况), as the import read it. It names the case's responsible person (unless one is set) and the town's
 * deadline (责令限期); its 完成情况 is a claim, not evidence: recorded on the timeline and flagged 待核实 until the
 * items are evidenced, it never ticks an item or closes a case.
 *
 * @param requirement 整治要求 as written
 * @param deadlineText 整治期限 as written
 * @param deadline 整治期限 when it reads as a date; null when it is vague (3月底)
 * @param personName 分包责任人's name
 * @param personPhone their phone, when the cell gives one
 * @param progress 完成情况 as claimed, e.g. 拆除到位（2017-03-18）
 * @param source where it was written: 导入自 <file> 第 n 行
 */
public record TownReport(long enterpriseId, String requirement, String deadlineText, LocalDate deadline, String personName,
                         String personPhone, String progress, String source) {

    public TownReport {
        requirement = blankToNull(requirement);
        deadlineText = blankToNull(deadlineText);
        personName = blankToNull(personName);
        personPhone = blankToNull(personPhone);
        progress = blankToNull(progress);
    }

    /** Nothing written in any of the four columns. */
    public boolean empty() {
        return requirement == null && deadlineText == null && deadline == null && personName == null && progress == null;
    }

    private static final Pattern NOISE = Pattern.compile("[\\s\\p{P}]+");

    /**
     * True when the written 整治要求 asks for what the case's measure is: the same words, or words of the same
     * kind of measure (关停/取缔/拆除 are a shutdown, 搬迁/入园 a relocation, 补办/整改/整治/规范/完善/提升 a remediation).
     * A requirement that names none of these is taken as differing.
     */
    public static boolean agrees(String requirement, MeasurePlan plan) {
        if (requirement == null || plan == null) {
            return true;
        }
        String written = NOISE.matcher(requirement).replaceAll("");
        String measure = NOISE.matcher(plan.measureName()).replaceAll("");
        if (written.isEmpty() || written.contains(measure) || measure.contains(written)) {
            return true;
        }
        MeasureKind kind = kindOf(written);
        return kind != null && kind == plan.measure();
    }

    /** The kind of measure words of a written 整治要求 name, or null when they name none or several. */
    static MeasureKind kindOf(String text) {
        boolean shutdown = text.matches(".*(关停|取缔|拆除|关闭|停业|两断三清).*");
        boolean relocate = text.matches(".*(搬迁|入园|迁入).*");
        boolean remediate = text.matches(".*(补办|整改|整治|规范|完善|提升|手续|治理).*");
        int n = (shutdown ? 1 : 0) + (relocate ? 1 : 0) + (remediate ? 1 : 0);
        if (n != 1) {
            return null;
        }
        return shutdown ? MeasureKind.SHUTDOWN : relocate ? MeasureKind.RELOCATE : MeasureKind.REMEDIATE;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
