package org.qingyuan.policy;

/** What a deadline is for; the rectification case tracks each one. */
public enum DeadlineKind {
    /** 补办手续: obtain the missing approvals. */
    OBTAIN_APPROVALS("补办手续"),
    /** 整改 / 治理改造: finish the remediation (e.g. pollution control). */
    REMEDIATE("完成整改"),
    /** 迁入工业园区 / 搬迁: finish the relocation. */
    RELOCATE("完成搬迁入园"),
    /** 自行拆除设备、清理原料: the owner's own clearing before enforcement. */
    SELF_CLEARANCE("自行拆除清理"),
    /** 拆除: demolish (illegal buildings, the workshop). */
    DEMOLISH("完成拆除"),
    /** 完成关停: production stopped for good. */
    SHUTDOWN("完成关停"),
    /** 完成取缔: banned, by 两断三清. */
    BAN("完成取缔"),
    /** 移交 / 书面告知: hand the matter to the competent department. */
    REFERRAL("移交告知");

    private final String label;

    DeadlineKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
