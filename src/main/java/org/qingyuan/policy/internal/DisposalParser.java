package org.qingyuan.policy.internal;

import java.util.ArrayList;
import java.util.List;

import org.qingyuan.policy.Measure;
import org.qingyuan.policy.Zone;
import org.qingyuan.policy.internal.CompiledPolicy.CompiledDisposal;
import org.qingyuan.policy.internal.ConditionParser.Scope;

/**
 * The disposals (处置措施) of one category: by zone and condition, in order, each zone ending with an unconditional one;
 * a disposal that can never apply is refused with the line it is on.
 */
final class DisposalParser {

    private final List<Zone> zones;
    private final ConditionParser conditions;

    DisposalParser(List<Zone> zones, ConditionParser conditions) {
        this.zones = zones;
        this.conditions = conditions;
    }

    List<CompiledDisposal> read(YamlNode category, String id) {
        YamlNode list = category.required("disposal");
        List<CompiledDisposal> disposals = new ArrayList<>();
        int all = zones.isEmpty() ? 1 : (1 << zones.size()) - 1;
        int unconditional = 0;
        String[] keys = new String[MeasureParser.MEASURE_KEYS.length + 2];
        System.arraycopy(MeasureParser.MEASURE_KEYS, 0, keys, 0, MeasureParser.MEASURE_KEYS.length);
        keys[keys.length - 2] = "zones";
        keys[keys.length - 1] = "when";
        for (YamlNode node : list.items()) {
            node.allowOnly(keys);
            int mask = all;
            if (node.has("zones")) {
                YamlNode zonesNode = node.required("zones");
                if (zones.isEmpty()) {
                    throw zonesNode.error("方案没有定义区域（zones），处置措施不能按区域区分");
                }
                mask = 0;
                for (String zone : zonesNode.texts()) {
                    int index = zoneIndex(zones, zone);
                    if (index < 0) {
                        throw zonesNode.error("未定义的区域“" + zone + "”");
                    }
                    mask |= 1 << index;
                }
            }
            Condition when = node.has("when") ? conditions.parse(node.required("when"), Scope.TESTS) : null;
            if ((mask & ~unconditional) == 0) {
                throw node.error("分类“" + id + "”的这条处置措施永远用不到：它的区域前面已有无条件的处置");
            }
            Measure measure = MeasureParser.measure(node);
            disposals.add(new CompiledDisposal(zones.isEmpty() ? -1 : mask, when, measure));
            if (when == null) {
                unconditional |= mask;
            }
        }
        if (disposals.isEmpty()) {
            throw list.error("分类“" + id + "”没有处置措施");
        }
        if (unconditional != all) {
            List<String> missing = new ArrayList<>();
            for (int z = 0; z < zones.size(); z++) {
                if ((unconditional & (1 << z)) == 0) {
                    missing.add(zones.get(z).label());
                }
            }
            throw category.error("分类“" + id + "”" + (missing.isEmpty() ? "" : "在" + String.join("、", missing))
                    + "缺少无条件的处置措施（最后一条适用的处置不能带 when）");
        }
        return disposals;
    }

    /** The position of a zone in the policy's list (its bit in a mask), or -1. */
    static int zoneIndex(List<Zone> zones, String id) {
        for (int i = 0; i < zones.size(); i++) {
            if (zones.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
