package org.qingyuan.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enterprise facts every policy may test: the columns of the Shuimogou community form
 * (004 附件2) and the Huiji survey ledger (001 附件1) that the ledger keeps in its {@code facts}
 * object. A policy file may declare further facts of its own.
 */
public final class StandardFacts {

    public static final String EMISSIONS_OVER_STANDARD = "emissionsOverStandard";
    public static final String CONFORMS_TO_PLANNING = "conformsToPlanning";
    public static final String HAS_FIRE_APPROVAL = "hasFireApproval";
    public static final String HAS_EIA_APPROVAL = "hasEiaApproval";
    public static final String HAS_PLANNING_APPROVAL = "hasPlanningApproval";
    public static final String HAS_BUSINESS_LICENCE = "hasBusinessLicence";
    public static final String HAS_ILLEGAL_BUILDINGS = "hasIllegalBuildings";
    public static final String HAS_SAFETY_HAZARD = "hasSafetyHazard";
    public static final String IN_DEMOLITION_AREA = "inDemolitionArea";
    public static final String INVOLVES_WATER = "involvesWater";
    public static final String INVOLVES_GAS = "involvesGas";
    public static final String INDUSTRY = "industry";

    private static final Map<String, FactDefinition> ALL = new LinkedHashMap<>();

    static {
        bool(EMISSIONS_OVER_STANDARD, "污染物排放是否超标", "污染物排放是否超标？", "是", "否", "004 附件2");
        bool(CONFORMS_TO_PLANNING, "是否符合产业政策及当地产业布局规划", "是否符合产业政策及当地产业布局规划（城镇总体规划、土地利用规划）？",
                "是", "否", "004 附件2");
        bool(HAS_FIRE_APPROVAL, "有无消防手续", "有无消防手续？", "有", "无", "004 附件2");
        bool(HAS_EIA_APPROVAL, "有无环评手续", "有无环评手续？", "有", "无", "004 附件2");
        bool(HAS_PLANNING_APPROVAL, "有无规划手续", "有无规划手续？", "有", "无", "004 附件2");
        bool(HAS_BUSINESS_LICENCE, "有无工商执照", "有无工商营业执照？", "有", "无", "004 附件2");
        bool(HAS_ILLEGAL_BUILDINGS, "有无违法违章建筑", "有无违法违章建筑？", "有", "无", "004 附件2");
        bool(HAS_SAFETY_HAZARD, "安全生产是否有隐患", "安全生产是否有隐患？", "是", "否", "004 附件2");
        bool(IN_DEMOLITION_AREA, "是否纳入拆迁范围", "是否纳入拆迁范围？", "是", "否", "004 附件2");
        bool(INVOLVES_WATER, "是否涉水", "生产是否涉水（产生废水）？", "是", "否", "001 附件1 涉水涉气");
        bool(INVOLVES_GAS, "是否涉气", "生产是否涉气（产生废气）？", "是", "否", "001 附件1 涉水涉气");
        ALL.put(INDUSTRY, new FactDefinition(INDUSTRY, FactType.TEXT, "行业", "属于什么行业（如铸造、家具制造）？", null, null,
                "004 附件2 行业"));
    }

    private StandardFacts() {
    }

    private static void bool(String name, String label, String question, String yes, String no, String origin) {
        ALL.put(name, new FactDefinition(name, FactType.BOOLEAN, label, question, yes, no, origin));
    }

    /** Every standard fact, in the order of the forms. */
    public static List<FactDefinition> all() {
        return List.copyOf(ALL.values());
    }

    /** The standard fact of this name, or null. */
    public static FactDefinition find(String name) {
        return ALL.get(name);
    }
}
