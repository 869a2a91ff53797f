package org.qingyuan.supervision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A supervision round: the draw's seed and share, the frozen population's SM3 digest and size, and its progress.
 *
 * @param tasks the inspection tasks drawn
 * @param done how many of them are inspected
 */
public record SupervisionRound(long id, String districtCode, String name, RoundMode mode, BigDecimal share, String seed,
                               String populationDigest, int populationSize, String policyId, Integer policyVersion,
                               String state, Instant drawnAt, String drawnBy, Instant finishedAt, String finishedBy,
                               int tasks, int done, int problems, int version) {

    public boolean finished() {
        return "FINISHED".equals(state);
    }

    public String stateLabel() {
        return finished() ? "已完成" : "进行中";
    }
}
