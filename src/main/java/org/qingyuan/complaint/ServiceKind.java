package org.qingyuan.complaint;

import java.util.Arrays;
import java.util.Optional;

/** What a complaint is about; the codes are the Open311 {@code service_code}s. */
public enum ServiceKind {
    /** A scattered, disorderly or polluting workshop. */
    SLW("散乱污企业", "无证无照、无环保设施、违规生产经营的小作坊、小企业"),
    /** A site that was closed or rectified and works again. */
    REBOUND("已整治企业恢复生产", "已关停或整治的企业又开始生产（死灰复燃）"),
    /** Smoke, smell, noise, waste water or dumped waste from a site. */
    POLLUTION("排污扰民", "冒黑烟、异味、噪声、偷排污水或倾倒废物");

    private final String label;
    private final String description;

    ServiceKind(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public String code() {
        return name();
    }

    public static Optional<ServiceKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(code == null ? "" : code.strip())).findFirst();
    }
}
