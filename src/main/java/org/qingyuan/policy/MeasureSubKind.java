package org.qingyuan.policy;

/** What a measure involves in detail; written in policy files by {@link #code()}. */
public enum MeasureSubKind {
    /** 补办手续: obtain the missing approvals and licences. */
    OBTAIN_APPROVALS("obtain-approvals", "补办手续"),
    /** 污染治理 / 污染设施升级改造: control pollution until emissions stably meet the standard. */
    POLLUTION_CONTROL("pollution-control", "污染治理"),
    /** 整改完善: put right what the inspection found. */
    IMPROVE("improve", "整改完善"),
    /** 迁入工业园区: move into an industrial park. */
    RELOCATE_INTO_PARK("relocate-into-park", "迁入工业园区"),
    /** 拆除违法违章建筑 / 限期拆除. */
    DEMOLISH("demolish", "拆除"),
    /** 办证办照: regularise an unlicensed business. */
    REGULARISE_LICENCE("regularise-licence", "办证办照"),
    /** 联合执法: several departments enforce together. */
    JOINT_ENFORCEMENT("joint-enforcement", "联合执法"),
    /** 质量监管: quality supervision by the market regulator. */
    QUALITY_SUPERVISION("quality-supervision", "质量监管");

    private final String code;
    private final String label;

    MeasureSubKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** How policy files and the API write it, e.g. {@code obtain-approvals}. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The sub-kind written so in a policy file, or null. */
    public static MeasureSubKind ofCode(String code) {
        for (MeasureSubKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        return null;
    }
}
