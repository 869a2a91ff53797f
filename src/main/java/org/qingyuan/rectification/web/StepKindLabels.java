package org.qingyuan.rectification.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.rectification.StepKind;
import org.qingyuan.shared.ConflictException;

/** What the pages and the API call each kind of timeline step: the Chinese name is made here, at the edge. */
final class StepKindLabels {

    /** Every step kind with its Chinese name, for the case page. */
    static final Map<StepKind, String> ALL = Collections.unmodifiableMap(labels());

    private StepKindLabels() {
    }

    private static Map<StepKind, String> labels() {
        Map<StepKind, String> m = new EnumMap<>(StepKind.class);
        m.put(StepKind.OPENED, "立案");
        m.put(StepKind.REALIGNED, "随分类调整");
        m.put(StepKind.WITHDRAWN, "撤销");
        m.put(StepKind.ENTERPRISE_MOVED, "企业迁移区划");
        m.put(StepKind.ITEM_RECORDED, "记录整治情况");
        m.put(StepKind.EVIDENCE_ATTACHED, "上传证据");
        m.put(StepKind.EVIDENCE_REVIEWED, "复核证据");
        m.put(StepKind.JOINT_ENFORCEMENT, "联合执法");
        m.put(StepKind.SUBMITTED_FOR_ACCEPTANCE, "提请验收");
        m.put(StepKind.ACCEPTED, "验收通过");
        m.put(StepKind.ACCEPTANCE_REJECTED, "验收不通过");
        m.put(StepKind.CLOSED_OUT, "销号");
        m.put(StepKind.REOPENED, "重新打开");
        m.put(StepKind.ASSIGNED, "包保责任");
        m.put(StepKind.DEADLINE_SET, "设定期限");
        m.put(StepKind.OVERDUE, "逾期");
        m.put(StepKind.REMINDED, "到期提醒");
        m.put(StepKind.ESCALATED, "升级处置");
        m.put(StepKind.TOWN_DEADLINE, "镇街填报期限");
        m.put(StepKind.PROGRESS_CLAIMED, "镇街填报完成情况（待核实）");
        m.put(StepKind.REQUIREMENT_DIFFERS, "填报要求与方案不一致");
        m.put(StepKind.REQUIREMENT_SETTLED, "处理填报要求");
        return m;
    }

    /** The Chinese name of a step kind. */
    static String of(StepKind kind) {
        return ALL.get(kind);
    }

    /**
     * A stale-version conflict as the API answers it: each step taken since also carries its {@code kindName}, right
     * after its {@code kind}. Other conflicts are returned as they are.
     */
    static ConflictException named(ConflictException e) {
        if (!(e.properties().get("changes") instanceof List<?> changes)) {
            return e;
        }
        List<Map<String, Object>> named = new ArrayList<>();
        for (Object change : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            ((Map<?, ?>) change).forEach((k, v) -> {
                m.put((String) k, v);
                if ("kind".equals(k)) {
                    m.put("kindName", of(StepKind.valueOf((String) v)));
                }
            });
            named.add(m);
        }
        Map<String, Object> properties = new LinkedHashMap<>(e.properties());
        properties.put("changes", named);
        return new ConflictException(e.getMessage(), properties);
    }
}
