package org.qingyuan.rectification;

/**
 * What a step of a case's timeline records. Stored by name in {@code rectification_step.kind}; the pages and the API
 * give each its Chinese name.
 */
public enum StepKind {
    /** 立案. */
    OPENED,
    /** 随分类调整. */
    REALIGNED,
    /** 撤销. */
    WITHDRAWN,
    /** 企业迁移区划. */
    ENTERPRISE_MOVED,
    /** 记录整治情况. */
    ITEM_RECORDED,
    /** 上传证据. */
    EVIDENCE_ATTACHED,
    /** 复核证据. */
    EVIDENCE_REVIEWED,
    /** 联合执法. */
    JOINT_ENFORCEMENT,
    /** 提请验收. */
    SUBMITTED_FOR_ACCEPTANCE,
    /** 验收通过. */
    ACCEPTED,
    /** 验收不通过. */
    ACCEPTANCE_REJECTED,
    /** 销号. */
    CLOSED_OUT,
    /** 重新打开. */
    REOPENED,
    /** 包保责任. */
    ASSIGNED,
    /** 设定期限. */
    DEADLINE_SET,
    /** 逾期. */
    OVERDUE,
    /** 到期提醒. */
    REMINDED,
    /** 升级处置. */
    ESCALATED,
    /** 镇街填报期限. */
    TOWN_DEADLINE,
    /** 镇街填报完成情况（待核实）. */
    PROGRESS_CLAIMED,
    /** 填报要求与方案不一致. */
    REQUIREMENT_DIFFERS,
    /** 处理填报要求. */
    REQUIREMENT_SETTLED
}
