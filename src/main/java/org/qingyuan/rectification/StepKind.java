package org.qingyuan.rectification;

/**
 * What a step of a case's timeline records. Stored by name in {@code rectification_step.kind}; the Chinese name is for
 * the pages and the API's {@code kindLabel}.
 */
public enum StepKind {
    /** 立案. */
    OPENED("立案"),
    /** 随分类调整. */
    REALIGNED("随分类调整"),
    /** 撤销. */
    WITHDRAWN("撤销"),
    /** 企业迁移区划. */
    ENTERPRISE_MOVED("企业迁移区划"),
    /** 记录整治情况. */
    ITEM_RECORDED("记录整治情况"),
    /** 上传证据. */
    EVIDENCE_ATTACHED("上传证据"),
    /** 复核证据. */
    EVIDENCE_REVIEWED("复核证据"),
    /** 联合执法. */
    JOINT_ENFORCEMENT("联合执法"),
    /** 提请验收. */
    SUBMITTED_FOR_ACCEPTANCE("提请验收"),
    /** 验收通过. */
    ACCEPTED("验收通过"),
    /** 验收不通过. */
    ACCEPTANCE_REJECTED("验收不通过"),
    /** 销号. */
    CLOSED_OUT("销号"),
    /** 重新打开. */
    REOPENED("重新打开"),
    /** 包保责任. */
    ASSIGNED("包保责任"),
    /** 设定期限. */
    DEADLINE_SET("设定期限"),
    /** 逾期. */
    OVERDUE("逾期"),
    /** 到期提醒. */
    REMINDED("到期提醒"),
    /** 升级处置. */
    ESCALATED("升级处置"),
    /** 镇街填报期限. */
    TOWN_DEADLINE("镇街填报期限"),
    /** 镇街填报完成情况（待核实）. */
    PROGRESS_CLAIMED("镇街填报完成情况（待核实）"),
    /** 填报要求与方案不一致. */
    REQUIREMENT_DIFFERS("填报要求与方案不一致"),
    /** 处理填报要求. */
    REQUIREMENT_SETTLED("处理填报要求");

    private final String label;

    StepKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
