package org.qingyuan.gatekeeping.internal;

/** The provisions the gatekeeping answers cite (seeds 002, 003, 004). */
final class LegalBasis {

    /** 002 五1: the entry red line, market access, village leasing, landlords' guarantees, new connections. */
    static final String ENTRY_RED_LINE = "《俵口镇“散乱污”企业治理长效管理工作方案》五、1：设立准入“红线”，牢牢把好市场准入关，"
            + "严禁新的“散乱污”企业产生；供电、供水等单位规范接电、接水管理，防止死灰复燃";
    /** 003 三(二): no approvals, filings or subsidies for 散乱污 enterprises. */
    static final String NO_SUPPORT = "《江津区“散乱污”企业整治部门（单位）联动机制实施方案》三（二）：在备案、审批及落实各级产业优惠扶持政策时，"
            + "原则上不再对“散乱污”给予支持";
    /** 004 四(二): no new 散乱污; no approval of projects of enterprises that have not finished rectification. */
    static final String NO_NEW = "《水磨沟区“散乱污”企业综合治理工作实施方案》四（二）：禁止新增，坚决不予办理项目审批、核准、备案手续，"
            + "存在环境问题拒不整改或整改未完成的企业不予办理新建项目手续";

    private LegalBasis() {
    }
}
