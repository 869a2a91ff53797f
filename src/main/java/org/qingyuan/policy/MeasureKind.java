package org.qingyuan.policy;

/** What happens to an enterprise, as the plans name it. */
public enum MeasureKind {
    /** 关停取缔: close and ban; usually by 两断三清. */
    SHUTDOWN("关停取缔"),
    /** 搬迁 / 入园: move, typically into an industrial park; nothing may be produced on the old site. */
    RELOCATE("搬迁入园"),
    /** 整改提升 / 整治规范 / 停产整治 / 补办手续: fix and legalise. */
    REMEDIATE("整治规范"),
    /** 严格监管: keep operating under close supervision (000 二). */
    SUPERVISE("严格监管");

    private final String label;

    MeasureKind(String label) {
        this.label = label;
    }

    /** The Chinese name. */
    public String label() {
        return label;
    }
}
