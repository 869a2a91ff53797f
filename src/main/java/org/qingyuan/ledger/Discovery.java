package org.qingyuan.ledger;

/** How an enterprise came to the ledger (REQUIREMENTS G4: every source lands in one ledger). */
public enum Discovery {
    /** 巡查发现: a patrol or grid member found it. */
    PATROL("巡查发现"),
    /** 群众举报: a complaint from the public. */
    COMPLAINT("群众举报"),
    /** 上级交办: assigned by a superior. */
    ASSIGNED("上级交办"),
    /** 督查发现: found by a supervision team. */
    SUPERVISION("督查发现"),
    /** 台账导入: imported from a town's Excel ledger. */
    IMPORT("台账导入");

    private final String label;

    Discovery(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
