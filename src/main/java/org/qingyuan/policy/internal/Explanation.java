package org.qingyuan.policy.internal;

import java.util.BitSet;
import java.util.List;

import org.qingyuan.policy.Category;
import org.qingyuan.policy.Deadline;
import org.qingyuan.policy.Measure;
import org.qingyuan.policy.Question;

/** The Chinese explanation of an evaluation, one sentence per line. */
final class Explanation {

    private final StringBuilder text = new StringBuilder(256);

    void tests(CompiledPolicy p, byte[] results, List<List<String>> whys, BitSet[] unknownFacts) {
        for (int i = 0; i < results.length; i++) {
            String id = p.tests[i].test().id();
            text.append('“').append(id).append('”');
            if (results[i] < 0) {
                text.append("无法判断：");
                BitSet unknown = unknownFacts[i];
                boolean first = true;
                for (int f = unknown.nextSetBit(0); f >= 0; f = unknown.nextSetBit(f + 1)) {
                    text.append(first ? "" : "、").append(p.factTable[f].label());
                    first = false;
                }
                text.append("未知");
            } else {
                text.append(results[i] == 1 ? "成立" : "不成立");
                List<String> why = whys.get(i);
                if (!why.isEmpty()) {
                    text.append("：").append(String.join("；", why));
                }
            }
            text.append("。\n");
        }
    }

    void category(CompiledPolicy p, String id, String label, int index, boolean hadUnknown) {
        if (Category.NONE.equals(id)) {
            text.append("分类：").append(label).append("（不属于任何一类）");
        } else {
            Category category = p.categories[index].category();
            text.append("分类：").append(id);
            if (!label.equals(id)) {
                text.append("（").append(label).append("）");
            }
            text.append("，依据").append(category.source());
        }
        if (hadUnknown) {
            text.append("；未知的事实不影响这一结果");
        }
        text.append("。\n");
    }

    void undetermined(CompiledPolicy p, List<Integer> possible, List<Question> questions) {
        text.append("分类待定：可能为");
        for (int i = 0; i < possible.size(); i++) {
            int c = possible.get(i);
            text.append(i == 0 ? "" : "、").append('“')
                    .append(c < 0 ? p.info.noneLabel() : p.categories[c].category().id()).append('”');
        }
        text.append("。请补充：");
        for (int i = 0; i < questions.size(); i++) {
            text.append(i == 0 ? "" : "；").append(questions.get(i).question());
        }
        text.append("\n");
    }

    void zone(CompiledPolicy p, int zoneIndex, boolean zoneMatters) {
        if (zoneIndex >= 0) {
            text.append("区域：").append(p.zones.get(zoneIndex).label()).append("。\n");
        } else if (zoneMatters) {
            text.append("区域未定：各区域的处置措施不同，请确定企业所在区域。\n");
        }
    }

    void measure(Measure measure) {
        text.append("处置措施：").append(measure.label()).append("（").append(measure.kind().label())
                .append("；整治期间").append(measure.production().label()).append("）。")
                .append("原文：").append(measure.text()).append("（").append(measure.source()).append("）\n");
        if (!measure.clearances().isEmpty()) {
            text.append("两断三清：").append(String.join("、", measure.clearances().stream().map(c -> c.label()).toList()))
                    .append("。\n");
        }
    }

    void deadlines(List<Deadline> deadlines) {
        if (deadlines.isEmpty()) {
            return;
        }
        text.append("期限：");
        for (int i = 0; i < deadlines.size(); i++) {
            Deadline d = deadlines.get(i);
            text.append(i == 0 ? "" : "；").append(d.label()).append(' ')
                    .append(d.date() != null ? d.date().toString() : "待定").append("（").append(d.rule());
            if (d.note() != null) {
                text.append("，").append(d.note());
            }
            text.append("）");
        }
        text.append("。\n");
    }

    void flags(List<String> flags) {
        if (!flags.isEmpty()) {
            text.append("标记：").append(String.join("、", flags)).append("。\n");
        }
    }

    @Override
    public String toString() {
        int end = text.length();
        return end > 0 && text.charAt(end - 1) == '\n' ? text.substring(0, end - 1) : text.toString();
    }
}
