package org.qingyuan.assessment;

import java.time.Instant;
import java.time.LocalDate;

import org.qingyuan.policy.AssessmentScheme;

/**
 * One district's assessment of one quarter (季度考核). Open until frozen; frozen with its inputs, their SM3 digest and
 * the ranking computed from them; then published as a bulletin. Frozen parts never change.
 *
 * @param id the stored row's id, 0 while open (nothing stored)
 * @param district the district's 6-digit code
 * @param key the quarter
 * @param state open, frozen or published
 * @param cutOff the day the inputs are (or will be) taken as of
 * @param scheme the scheme frozen with the inputs (the active plan's while open)
 * @param inputs the frozen inputs, null while open
 * @param inputsDigest SM3 hex of the inputs' canonical JSON, null while open
 * @param ranking the ranking computed at the freeze, null while open
 * @param bulletinName the bulletin's file name once published
 * @param bulletinSm3 the bulletin's SM3 once published
 * @param version optimistic lock (0 while open)
 */
public record Quarter(long id, String district, QuarterKey key, QuarterState state, LocalDate cutOff, AssessmentScheme scheme,
                      FrozenInputs inputs, String inputsDigest, Ranking ranking, Instant frozenAt, String frozenBy,
                      Instant publishedAt, String publishedBy, String bulletinName, String bulletinSm3, int version) {

    public boolean frozen() {
        return state != QuarterState.OPEN;
    }

    /**
     * What a town's officer sees of the quarter: the inputs (and their evidence) of his own town only, and the ranking's
     * other rows only once it is published.
     */
    public Quarter seenByTown(String town) {
        if (ranking == null) {
            return this;
        }
        Ranking visible = state == QuarterState.PUBLISHED ? ranking
                : new Ranking(ranking.weights(), ranking.rows().stream().filter(r -> r.town().equals(town)).toList());
        java.util.Map<String, java.util.Map<String, IndicatorValue>> own = new java.util.HashMap<>();
        inputs.values().forEach((code, byTown) -> own.put(code,
                byTown.containsKey(town) ? java.util.Map.of(town, byTown.get(town)) : java.util.Map.of()));
        FrozenInputs mine = new FrozenInputs(inputs.district(), inputs.year(), inputs.quarter(), inputs.from(), inputs.to(),
                inputs.cutOff(), inputs.towns(), own);
        return new Quarter(id, district, key, state, cutOff, scheme, mine, inputsDigest, visible, frozenAt, frozenBy, publishedAt,
                publishedBy, bulletinName, bulletinSm3, version);
    }
}
