package org.qingyuan.ledger.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;

import org.qingyuan.shared.KeptAnswers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The totals of the ledger list (共 N 家), kept per question and brought up to date by re-checking only the enterprises
 * written since. Counting a district's list costs a scan of all its rows (tens of thousands); the page itself, once its
 * total is known, is an index walk of 20 rows. A question is its conditions and their values (the scope, the filters,
 * the search text, the rows hidden from a grid member), not its page or order, so every page and every sort of one
 * question shares one set.
 *
 * <p>A node keeps, per question, the ids of the matching enterprises as of a database snapshot. On the next ask one
 * statement reads the enterprises that transactions invisible to that snapshot wrote ({@code enterprise_change}, filled
 * by a trigger on every insert, update and delete of {@code enterprise}), which of them match the question now, and the
 * new snapshot: the set drops the written ones and adds back those that match. This is exact whatever order
 * transactions commit in and whatever the nodes' clocks say. A set computed inside a transaction that has written
 * itself is answered but not kept (it could roll back). A set is counted afresh at most {@code
 * qingyuan.ledger.total-keep} (10 minutes) after its last full count, and {@link #prune} removes, once a minute, the
 * change rows no kept snapshot can need. A node keeps at most {@value #MAX_KEPT} questions and {@value #MAX_KEPT_IDS} ids; the least
 * recently asked drop first ({@link KeptAnswers}).
 */
@Component
class ListTotals {

    static final int MAX_KEPT = 5_000;
    static final long MAX_KEPT_IDS = 2_000_000;

    private final NamedParameterJdbcTemplate named;
    private final KeptAnswers<long[]> kept;

    ListTotals(NamedParameterJdbcTemplate named, @Value("${qingyuan.ledger.total-keep:PT10M}") Duration keep) {
        this.named = named;
        this.kept = new KeptAnswers<>("enterprise_change", keep.toNanos(), MAX_KEPT, ids -> ids.length, MAX_KEPT_IDS);
    }

    /** The number of enterprises matching the question's condition, kept and adjusted as described above. */
    long total(String question, String where, MapSqlParameterSource params) {
        return matching(question, where, params).length;
    }

    /** The ids of the enterprises matching the question's condition, sorted; not to be changed by the caller. */
    long[] matching(String question, String where, MapSqlParameterSource params) {
        return kept.answer(question, before -> {
            // the enterprises written by transactions the kept snapshot did not see, and which of them match now
            MapSqlParameterSource p = new MapSqlParameterSource(params.getValues()).addValue("since", before.snapshot());
            Asked delta = named.query("""
                    WITH written AS MATERIALIZED (
                        SELECT DISTINCT enterprise_id AS id FROM enterprise_change
                         WHERE xid >= pg_snapshot_xmin(CAST(:since AS pg_snapshot))
                           AND NOT pg_visible_in_snapshot(xid, CAST(:since AS pg_snapshot)))
                    SELECT pg_current_snapshot()::text AS snapshot, pg_current_xact_id_if_assigned() IS NOT NULL AS writing,
                           ARRAY(SELECT id FROM written) AS written,
                           ARRAY(SELECT e.id FROM enterprise e WHERE e.id IN (SELECT id FROM written) AND %s) AS matching
                    """.formatted(where), p, (org.springframework.jdbc.core.ResultSetExtractor<Asked>) ListTotals::asked);
            return delta.written().length == 0 ? KeptAnswers.Read.unchanged(delta.snapshot(), delta.writing(), before.answer())
                    : KeptAnswers.Read.of(delta.snapshot(), delta.writing(), adjust(before.answer(), delta.written(), delta.matching()));
        }, () -> {
            Asked full = named.query("""
                    SELECT pg_current_snapshot()::text AS snapshot, pg_current_xact_id_if_assigned() IS NOT NULL AS writing,
                           ARRAY(SELECT e.id FROM enterprise e WHERE %s) AS matching
                    """.formatted(where), params, (org.springframework.jdbc.core.ResultSetExtractor<Asked>) ListTotals::asked);
            long[] ids = full.matching();
            Arrays.sort(ids);
            return KeptAnswers.Read.of(full.snapshot(), full.writing(), ids);
        });
    }

    private record Asked(String snapshot, boolean writing, long[] written, long[] matching) {
    }

    private static Asked asked(ResultSet rs) throws SQLException {
        rs.next();
        boolean delta = rs.getMetaData().getColumnCount() == 4;
        return new Asked(rs.getString("snapshot"), rs.getBoolean("writing"), delta ? longs(rs.getArray("written")) : null,
                longs(rs.getArray("matching")));
    }

    private static long[] longs(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).longValue();
        }
        return out;
    }

    /** The kept ids without the written ones, with those of them that match now; sorted. */
    static long[] adjust(long[] kept, long[] written, long[] matching) {
        Arrays.sort(written);
        Arrays.sort(matching);
        long[] out = new long[kept.length + matching.length];
        int n = 0;
        int k = 0;
        int m = 0;
        while (k < kept.length || m < matching.length) {
            if (m == matching.length || (k < kept.length && kept[k] < matching[m])) {
                if (Arrays.binarySearch(written, kept[k]) < 0) {
                    out[n++] = kept[k];
                }
                k++;
            } else {
                if (k < kept.length && kept[k] == matching[m]) {
                    k++;
                }
                out[n++] = matching[m++];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The kept set of this question if it was counted in full within the keep, else null. */
    KeptAnswers.Kept<long[]> kept(String question) {
        return kept.kept(question);
    }

    void keep(String question, KeptAnswers.Kept<long[]> matches) {
        kept.keep(question, matches);
    }

    /** Removes the change rows every kept snapshot has seen (see {@link org.qingyuan.shared.ChangeRowPrune}). */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    void prune() {
        kept.prune(named.getJdbcTemplate());
    }

    /** Drops every kept set (a test that prunes with a shorter keep than this node's calls it). */
    void forget() {
        kept.forget();
    }

    /** How many totals this node has counted in full since it started (for tests and benchmarks). */
    long counts() {
        return kept.counts();
    }

    /** How many kept totals this node has brought up to date by a write since it started. */
    long adjustments() {
        return kept.adjustments();
    }
}
