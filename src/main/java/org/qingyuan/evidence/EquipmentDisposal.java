package org.qingyuan.evidence;

/** What was done with a piece of removed equipment. */
public enum EquipmentDisposal {
    /** 拆除. */
    DISMANTLED("拆除"),
    /** 没收. */
    CONFISCATED("没收"),
    /** 查封. */
    SEALED("查封"),
    /** 搬离（迁出）. */
    MOVED_AWAY("搬离"),
    /** 报废销毁. */
    SCRAPPED("报废销毁"),
    /** 其他. */
    OTHER("其他");

    private final String label;

    EquipmentDisposal(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
