package org.qingyuan.patrol;

/** What a check-in found. */
public enum Finding {
    /** 未发现问题. */
    NOTHING("未发现问题"),
    /** 发现疑似散乱污: a site not in the ledger; recorded with photos and position and published as a lead. */
    NEW_SITE("发现疑似散乱污企业"),
    /** 死灰复燃: illegal production at a closed-out site; the case reopens and the leaders are alerted at once. */
    REBOUND("已关停企业恢复生产（反弹）");

    private final String label;

    Finding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
