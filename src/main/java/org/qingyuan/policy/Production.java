package org.qingyuan.policy;

/** Whether the enterprise may produce while the measure runs. */
public enum Production {
    /** 停产停业: production must stop until the measure is done (or accepted). */
    STOP("停产停业"),
    /** 限产、停产整治: production limited or stopped, as the department orders. */
    LIMIT_OR_STOP("限产或停产"),
    /** Production may continue meanwhile. */
    ALLOWED("可继续生产"),
    /** The document does not say; the implementing unit decides. */
    NOT_STATED("文件未规定");

    private final String label;

    Production(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when production must stop. */
    public boolean stops() {
        return this == STOP;
    }
}
