package org.qingyuan.ledger;

import java.util.Optional;

/**
 * The compliance facts of 004 附件2 and 001 附件1 (涉水涉气), each answered yes, no or unknown.
 * The JSON name is the contract other modules (the policy's classification) and clients use;
 * the bit is this fact's fixed position in the list filters' bit masks. New facts are added at the end.
 */
public enum Fact {
    /** 污染物排放是否超标. */
    EMISSIONS_OVER_STANDARD("emissionsOverStandard", "污染物排放超标", 0),
    /** 是否符合产业政策及当地产业布局规划. */
    CONFORMS_TO_PLANNING("conformsToPlanning", "符合产业政策及布局规划", 1),
    /** 有无消防手续. */
    HAS_FIRE_APPROVAL("hasFireApproval", "有消防手续", 2),
    /** 有无环评手续. */
    HAS_EIA_APPROVAL("hasEiaApproval", "有环评手续", 3),
    /** 有无规划手续. */
    HAS_PLANNING_APPROVAL("hasPlanningApproval", "有规划手续", 4),
    /** 有无工商执照. */
    HAS_BUSINESS_LICENCE("hasBusinessLicence", "有工商执照", 5),
    /** 有无违法违章建筑. */
    HAS_ILLEGAL_BUILDINGS("hasIllegalBuildings", "有违法违章建筑", 6),
    /** 安全生产是否有隐患. */
    HAS_SAFETY_HAZARD("hasSafetyHazard", "有安全隐患", 7),
    /** 是否纳入拆迁范围. */
    IN_DEMOLITION_AREA("inDemolitionArea", "纳入拆迁范围", 8),
    /** 涉水. */
    INVOLVES_WATER("involvesWater", "涉水", 9),
    /** 涉气. */
    INVOLVES_GAS("involvesGas", "涉气", 10);

    private final String jsonName;
    private final String label;
    private final int bit;

    Fact(String jsonName, String label, int bit) {
        this.jsonName = jsonName;
        this.label = label;
        this.bit = bit;
    }

    /** The name in JSON ({@code facts.hasFireApproval}) and in list filters. */
    public String jsonName() {
        return jsonName;
    }

    /** The question as the forms put it, short. */
    public String label() {
        return label;
    }

    /** The mask of this fact in the {@code facts_yes} / {@code facts_no} columns. */
    public int mask() {
        return 1 << bit;
    }

    public static Optional<Fact> byJsonName(String name) {
        for (Fact fact : values()) {
            if (fact.jsonName.equals(name)) {
                return Optional.of(fact);
            }
        }
        return Optional.empty();
    }
}
