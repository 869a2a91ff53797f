package org.qingyuan.rectification.internal;

import java.util.Map;

/** The Chinese names of timeline steps. */
final class TimelineLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("OPENED", "立案"),
            Map.entry("REALIGNED", "随分类调整"),
            Map.entry("WITHDRAWN", "撤销"),
            Map.entry("ENTERPRISE_MOVED", "企业迁移区划"),
            Map.entry("ITEM_RECORDED", "记录整治情况"),
            Map.entry("EVIDENCE_ATTACHED", "上传证据"),
            Map.entry("EVIDENCE_REVIEWED", "复核证据"),
            Map.entry("JOINT_ENFORCEMENT", "联合执法"),
            Map.entry("SUBMITTED_FOR_ACCEPTANCE", "提请验收"),
            Map.entry("ACCEPTED", "验收通过"),
            Map.entry("ACCEPTANCE_REJECTED", "验收不通过"),
            Map.entry("CLOSED_OUT", "销号"),
            Map.entry("REOPENED", "重新打开"),
            Map.entry("ASSIGNED", "包保责任"),
            Map.entry("DEADLINE_SET", "设定期限"),
            Map.entry("OVERDUE", "逾期"),
            Map.entry("REMINDED", "到期提醒"),
            Map.entry("ESCALATED", "升级处置"),
            Map.entry("TOWN_DEADLINE", "镇街填报期限"),
            Map.entry("PROGRESS_CLAIMED", "镇街填报完成情况（待核实）"),
            Map.entry("REQUIREMENT_DIFFERS", "填报要求与方案不一致"),
            Map.entry("REQUIREMENT_SETTLED", "处理填报要求"));

    private TimelineLabels() {
    }

    static String label(String kind) {
        return LABELS.getOrDefault(kind, kind);
    }
}
