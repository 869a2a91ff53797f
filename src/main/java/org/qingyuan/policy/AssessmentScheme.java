package org.qingyuan.policy;

import java.util.List;
import java.util.Optional;

/**
 * How the district assesses its towns each quarter (季度考核, 004 六(二) 一季一检查、一季一排名、一季一通报; 001 五; 002 六4):
 * the indicators and their weights, and how many days after the quarter's end the inputs are frozen. A plan declares it
 * under {@code assessment:}; without it, {@link #DEFAULT}.
 *
 * @param indicators the indicators, their weights summing to 100
 * @param cutOffDays the calendar days after the quarter's last day on which its inputs are frozen (0 = the last day)
 * @param source where it comes from
 */
public record AssessmentScheme(List<Indicator> indicators, int cutOffDays, String source) {

    /** 整治完成率: closed-out cases / all cases of the town, higher is better. */
    public static final String COMPLETION_RATE = "COMPLETION_RATE";
    /** 逾期未办结: open cases past their deadline at the cut-off, lower is better. */
    public static final String OVERDUE_CASES = "OVERDUE_CASES";
    /** 反弹: rebounds found in the quarter by revisits, supervision or complaints, lower is better. */
    public static final String REBOUNDS = "REBOUNDS";
    /** 报送及时率: share of the reports due in the quarter submitted on time, higher is better. */
    public static final String REPORT_PUNCTUALITY = "REPORT_PUNCTUALITY";
    /** 督查发现问题: problems found by supervision in the quarter, lower is better. */
    public static final String SUPERVISION_FINDINGS = "SUPERVISION_FINDINGS";
    /** 销号经得起检验率: estimated share of close-outs that hold up on inspection, higher is better. */
    public static final String HOLD_UP_RATE = "HOLD_UP_RATE";

    /** The indicator codes the platform knows. */
    public static final List<String> CODES = List.of(COMPLETION_RATE, OVERDUE_CASES, REBOUNDS, REPORT_PUNCTUALITY,
            SUPERVISION_FINDINGS, HOLD_UP_RATE);

    /** Whether a larger value of an indicator is better or worse. */
    public enum Direction {
        /** 越高越好. */
        HIGHER_IS_BETTER("越高越好"),
        /** 越低越好. */
        LOWER_IS_BETTER("越低越好");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One indicator of the scheme.
     *
     * @param code one of {@link #CODES}
     * @param name its name in the bulletin
     * @param weight its points out of 100
     * @param direction whether higher or lower is better
     * @param source the plan's words it reads
     */
    public record Indicator(String code, String name, int weight, Direction direction, String source) {
    }

    /**
     * The platform's reading. 004 六(二) names the work (完成情况) and 001 五 names the faults (漏报、瞒报、假报、整治不彻底、
     * 整治后监管不到位); the six indicators follow those words, and the weights (30/15/20/10/15/10) and the 15-day cut-off
     * are the platform's choice — no seed document fixes them; a plan overrides them under {@code assessment:}.
     */
    public static final AssessmentScheme DEFAULT = new AssessmentScheme(List.of(
            new Indicator(COMPLETION_RATE, "整治完成率", 30, Direction.HIGHER_IS_BETTER, "004 六(二)“对整治工作完成情况实行一季一检查、一季一排名”"),
            new Indicator(OVERDUE_CASES, "逾期未完成整治数", 15, Direction.LOWER_IS_BETTER, "004 六(二)“未按要求完成整治工作任务的……予以问责”"),
            new Indicator(REBOUNDS, "反弹（死灰复燃）数", 20, Direction.LOWER_IS_BETTER, "001 五“整治后监管不到位”；004 六(二)“严防死灰复燃”"),
            new Indicator(REPORT_PUNCTUALITY, "报表按时报送率", 10, Direction.HIGHER_IS_BETTER, "001 五“漏报、瞒报、假报”"),
            new Indicator(SUPERVISION_FINDINGS, "督查发现问题数", 15, Direction.LOWER_IS_BETTER, "004 六(二)“专项督查组……地毯式督查”"),
            new Indicator(HOLD_UP_RATE, "销号经得起检验率（估计）", 10, Direction.HIGHER_IS_BETTER, "001 五“整治不彻底”；督查抽查推断")),
            15, "平台默认：指标依 004 六(二)、001 五、002 六4；权重 30/15/20/10/15/10 与截止日（季末后 15 日）为平台设定");

    public AssessmentScheme {
        indicators = List.copyOf(indicators);
    }

    public Optional<Indicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
