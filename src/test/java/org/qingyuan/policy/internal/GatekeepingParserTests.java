package org.qingyuan.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qingyuan.policy.GatekeepingBasis;
import org.qingyuan.policy.PolicyFormatException;

/** A plan's {@code gatekeeping:} (准入把关依据): none without it, provisions kept verbatim, bad fields by name. */
class GatekeepingParserTests {

    private static final String PLAN = MinimalPlan.PLAN;

    @Test
    void withoutItAPlanStatesNoProvision() {
        assertThat(PolicyParser.parse(PLAN).gatekeeping()).isEqualTo(GatekeepingBasis.NONE);
    }

    @Test
    void declaredProvisionsAreKeptVerbatimAndOnesLeftOutAreNull() {
        GatekeepingBasis basis = PolicyParser.parse(PLAN + """
                gatekeeping:
                  entryRedLine: 《示例方案》五、1：设立准入“红线”，严禁新的“散乱污”企业产生
                  noNewProjects: 《示例方案》四（二）：整改未完成的企业不予办理新建项目手续
                """).gatekeeping();
        assertThat(basis.entryRedLine()).isEqualTo("《示例方案》五、1：设立准入“红线”，严禁新的“散乱污”企业产生");
        assertThat(basis.noNewProjects()).isEqualTo("《示例方案》四（二）：整改未完成的企业不予办理新建项目手续");
        assertThat(basis.noSupport()).isNull();
    }

    @Test
    void anUnknownFieldAnEmptySectionAndAnOverlongProvisionAreRefusedByName() {
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "gatekeeping:\n  redLine: 五、1\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("redLine");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "gatekeeping: 五、1\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("gatekeeping");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "gatekeeping: {}\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("gatekeeping");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "gatekeeping:\n  noSupport: [三, 四]\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("gatekeeping.noSupport");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "gatekeeping:\n  noSupport: " + "条".repeat(1001) + "\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("gatekeeping.noSupport").hasMessageContaining("1000");
    }

    @Test
    void shuimogouStatesItsOwnWorkPlansProvisionsAndTheOtherShippedPlansNone() {
        GatekeepingBasis shuimogou = TestPolicies.load("shuimogou-2017").gatekeeping();
        assertThat(shuimogou.entryRedLine()).startsWith("《水磨沟区").contains("四（二）");
        assertThat(shuimogou.noSupport()).startsWith("《水磨沟区").contains("不予办理项目审批、核准、备案手续");
        assertThat(shuimogou.noNewProjects()).startsWith("《水磨沟区").contains("整改未完成的企业，不予办理新建项目手续");
        for (String other : new String[] {"huiji-2017", "tianjin-market-2017", "baokou", "jiangjin-2021"}) {
            assertThat(TestPolicies.load(other).gatekeeping()).as(other).isEqualTo(GatekeepingBasis.NONE);
        }
    }
}
