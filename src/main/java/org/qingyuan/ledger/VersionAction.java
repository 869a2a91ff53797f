package org.qingyuan.ledger;

/** What a version of an enterprise records. */
public enum VersionAction {
    /** 登记: first entry in the ledger. */
    REGISTERED("登记"),
    /** 修改: fields changed. */
    EDITED("修改"),
    /** 撤销: withdrawn from the ledger. */
    WITHDRAWN("撤销"),
    /** 合并: another record of the same enterprise was merged into this one. */
    MERGED("合并"),
    /** 被合并: this record was merged into another and withdrawn. */
    MERGED_AWAY("被合并"),
    /** 确认不重复: a possible duplicate was confirmed to be a different enterprise. */
    CONFIRMED_DISTINCT("确认不重复");

    private final String label;

    VersionAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
