package org.qingyuan.rectification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.qingyuan.policy.Clearance;
import org.qingyuan.policy.Measure;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.MeasureSubKind;

/**
 * What a policy's measure requires before close-out (002 三, 004 附件1):
 * <ul>
 * <li>shutdown: the measure's 两断三清 clearances, all five when the policy lists none;</li>
 * <li>relocation: production stopped, equipment removed, power supply cancelled (002 三(二)), plus any
 *     further clearance the policy lists (断电 is the cancelled power supply, 清除设备 the removed equipment);</li>
 * <li>remediation: the approvals obtained when it obtains approvals or licences, the fix done when it
 *     improves or controls pollution, and the environmental on-site acceptance when the policy's acceptance
 *     speaks of stable compliance (稳定达标 / 达标排放);</li>
 * <li>supervision: nothing: 严格监管 opens no case.</li>
 * </ul>
 */
public final class Requirements {

    private static final List<Requirement> TWO_CUTS_THREE_CLEARANCES = List.of(Requirement.CUT_WATER, Requirement.CUT_POWER,
            Requirement.CLEAR_MATERIALS, Requirement.CLEAR_PRODUCTS, Requirement.CLEAR_EQUIPMENT);

    private Requirements() {
    }

    /** The items of a measure of the policy. */
    public static List<Requirement> of(Measure measure) {
        return of(measure.kind(), measure.subKinds(), measure.clearances(), measure.acceptance());
    }

    /** The items of a measure kind when nothing more is known (an official's 一企一策 decision, an escalation). */
    public static List<Requirement> defaultFor(MeasureKind kind) {
        return of(kind, List.of(), List.of(), List.of());
    }

    /** The items of an escalation into a measure, with the clearances the escalation names. */
    public static List<Requirement> of(MeasureKind kind, List<Clearance> clearances) {
        return of(kind, List.of(), clearances, List.of());
    }

    static List<Requirement> of(MeasureKind kind, List<MeasureSubKind> subKinds, List<Clearance> clearances,
                                List<String> acceptance) {
        List<Clearance> listed = clearances == null ? List.of() : clearances;
        return switch (kind) {
            case SHUTDOWN -> listed.isEmpty() ? TWO_CUTS_THREE_CLEARANCES
                    : TWO_CUTS_THREE_CLEARANCES.stream().filter(r -> listed.stream().map(Requirement::of).anyMatch(r::equals)).toList();
            case RELOCATE -> {
                Set<Requirement> items = new LinkedHashSet<>(List.of(Requirement.PRODUCTION_STOPPED,
                        Requirement.EQUIPMENT_REMOVED, Requirement.POWER_CANCELLED));
                for (Clearance c : listed) {
                    if (c != Clearance.CUT_POWER && c != Clearance.CLEAR_EQUIPMENT) {
                        items.add(Requirement.of(c));
                    }
                }
                yield List.copyOf(items);
            }
            case REMEDIATE -> {
                List<MeasureSubKind> subs = subKinds == null ? List.of() : subKinds;
                List<Requirement> items = new ArrayList<>();
                if (subs.isEmpty() || subs.contains(MeasureSubKind.OBTAIN_APPROVALS)
                        || subs.contains(MeasureSubKind.REGULARISE_LICENCE)) {
                    items.add(Requirement.APPROVALS_OBTAINED);
                }
                if (subs.contains(MeasureSubKind.IMPROVE) || subs.contains(MeasureSubKind.POLLUTION_CONTROL)) {
                    items.add(Requirement.REMEDIATION_DONE);
                }
                boolean complianceCheck = acceptance != null && acceptance.stream().anyMatch(a -> a.contains("达标"));
                if (complianceCheck || subs.contains(MeasureSubKind.POLLUTION_CONTROL)) {
                    items.add(Requirement.ENVIRONMENTAL_ACCEPTANCE);
                }
                yield List.copyOf(items);
            }
            case SUPERVISE -> List.of();
        };
    }

    /** The form's progress wording (001 附件1 注4) while work is under way. */
    public static String progressLabel(MeasureKind kind, List<Requirement> requirements) {
        return switch (kind) {
            case SHUTDOWN -> "正在拆除";
            case RELOCATE -> "搬迁中";
            case REMEDIATE -> requirements.contains(Requirement.APPROVALS_OBTAINED) && requirements.size() == 1 ? "补办手续" : "正在整治";
            case SUPERVISE -> "监管中";
        };
    }
}
