package org.qingyuan.assessment;

import java.time.LocalDate;
import java.util.Map;

import org.qingyuan.shared.DivisionCode;

/**
 * One indicator of the quarterly assessment, contributed by the module that owns its data (rectification: completion
 * rate and overdue cases; patrol: rebounds; reporting: report punctuality; supervision: findings and the hold-up
 * estimate). The assessment module calls every contributor when a quarter is frozen and keeps what they answered;
 * it depends on none of them. An indicator of the scheme without a contributor, or without a value for a town, is
 * shown as 无数据 and its weight is redistributed (see {@link Ranking}).
 */
@org.springframework.modulith.NamedInterface("spi")
public interface AssessmentIndicator {

    /** The indicator code, one of {@link org.qingyuan.policy.AssessmentScheme#CODES}. */
    String code();

    /**
     * The value of each town of the district (keyed by its 9-digit code) for the quarter {@code from}–{@code to}
     * (its first and last day): flows (e.g. rebounds) count what happened in those days, stocks (e.g. overdue cases)
     * are taken as of the end of {@code to}. A town without a value is left out of the map.
     */
    Map<String, IndicatorValue> values(DivisionCode district, LocalDate from, LocalDate to);

    /**
     * The same, with stocks taken as of the end of the quarter's cut-off day ({@code cutOff}, on or after {@code to})
     * where the contributor's history allows it; by default the quarter's last day.
     */
    default Map<String, IndicatorValue> values(DivisionCode district, LocalDate from, LocalDate to, LocalDate cutOff) {
        return values(district, from, to);
    }
}
