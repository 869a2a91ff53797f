package org.qingyuan.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A town's value of one indicator for a quarter, with how it was obtained and the records behind it.
 *
 * @param value the value (a share in [0, 1], or a count)
 * @param basis how it was obtained, in Chinese, e.g. {@code 销号 41 / 整治 57}
 * @param evidence the records it rests on (at most a few dozen; the basis gives the counts)
 */
@org.springframework.modulith.NamedInterface("spi")
public record IndicatorValue(BigDecimal value, String basis, List<EvidenceLink> evidence) {

    public IndicatorValue {
        Objects.requireNonNull(value, "value");
        basis = basis == null ? "" : basis;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
