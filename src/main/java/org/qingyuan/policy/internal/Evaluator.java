package org.qingyuan.policy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.policy.Category;
import org.qingyuan.policy.Classification;
import org.qingyuan.policy.Deadline;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.DeadlineRule;
import org.qingyuan.policy.Due;
import org.qingyuan.policy.Measure;
import org.qingyuan.policy.Question;
import org.qingyuan.policy.Referral;
import org.qingyuan.policy.internal.CompiledPolicy.CompiledCategory;
import org.qingyuan.policy.internal.CompiledPolicy.CompiledDisposal;
import org.qingyuan.shared.WorkingDayCalendar;

/**
 * Evaluates a compiled policy: the tests over the facts (three-valued), then the category and
 * its disposal. When tests are unknown, every combination of their values is tried: if all give
 * the same category and measure the result stands, otherwise it is UNDETERMINED and the facts
 * behind the tests that make a difference become the questions.
 */
final class Evaluator {

    /** Beyond this many unknown tests the combinations are not tried: the result is undetermined. */
    private static final int MAX_ENUMERATED = 12;

    private Evaluator() {
    }

    static Classification evaluate(CompiledPolicy p, Object[] values, int zoneIndex, LocalDate notice,
                                   WorkingDayCalendar calendar, String fingerprint) {
        int n = p.tests.length;
        byte[] results = new byte[n];
        List<List<String>> whys = new ArrayList<>(n);
        BitSet[] unknownFacts = new BitSet[n];
        int unknownCount = 0;
        for (int i = 0; i < n; i++) {
            List<String> why = new ArrayList<>(4);
            BitSet unknown = new BitSet();
            Tri result = p.tests[i].condition().eval(values, null, why, unknown);
            results[i] = result.code();
            whys.add(why);
            if (result == Tri.UNKNOWN) {
                unknownFacts[i] = unknown;
                unknownCount++;
            }
        }
        boolean zoneOpen = zoneIndex < 0 && !p.zones.isEmpty();

        long key;
        boolean undetermined = false;
        List<Integer> possible = List.of();
        BitSet questionFacts = new BitSet();
        if (unknownCount == 0) {
            key = outcome(p, results, zoneIndex, zoneOpen);
        } else {
            int[] unknownTests = new int[unknownCount];
            for (int i = 0, j = 0; i < n; i++) {
                if (results[i] < 0) {
                    unknownTests[j++] = i;
                }
            }
            if (unknownCount > MAX_ENUMERATED) {
                undetermined = true;
                key = 0;
                possible = allCategories(p);
                for (int t : unknownTests) {
                    questionFacts.or(unknownFacts[t]);
                }
            } else {
                long[] keys = enumerate(p, results, unknownTests, zoneIndex, zoneOpen);
                key = keys[0];
                for (long k : keys) {
                    if (k != key) {
                        undetermined = true;
                        break;
                    }
                }
                if (undetermined) {
                    possible = possibleCategories(keys);
                    for (int i = 0; i < unknownTests.length; i++) {
                        if (matters(keys, i)) {
                            questionFacts.or(unknownFacts[unknownTests[i]]);
                        }
                    }
                }
            }
        }

        Explanation text = new Explanation();
        text.tests(p, results, whys, unknownFacts);
        List<Question> questions = new ArrayList<>();
        for (int f = questionFacts.nextSetBit(0); f >= 0; f = questionFacts.nextSetBit(f + 1)) {
            questions.add(new Question(p.factTable[f].name(), p.factTable[f].question()));
        }

        String category;
        String categoryLabel;
        Measure measure = null;
        boolean zoneMatters = false;
        if (undetermined) {
            category = Category.UNDETERMINED;
            categoryLabel = "待定";
            zoneMatters = zoneOpen;
            text.undetermined(p, possible, questions);
        } else {
            int c = (int) (key & 0xFF) - 1;
            if (c < 0) {
                category = Category.NONE;
                categoryLabel = p.info.noneLabel();
            } else {
                CompiledCategory cc = p.categories[c];
                category = cc.category().id();
                categoryLabel = cc.category().label();
                int d = chosenDisposal(p, key, zoneOpen);
                if (d >= 0) {
                    measure = cc.disposals().get(d).measure();
                } else if (zoneOpen) {
                    zoneMatters = true;
                }
            }
            text.category(p, category, categoryLabel, c, unknownCount > 0);
        }
        if (zoneMatters) {
            questions.add(new Question("zone", "企业位于哪个区域（" + String.join(" / ", p.zones.stream().map(z -> z.label()).toList()) + "）？"));
        }
        String zone = zoneIndex >= 0 ? p.zones.get(zoneIndex).id() : null;
        text.zone(p, zoneIndex, zoneMatters);

        List<Deadline> deadlines = new ArrayList<>();
        if (measure != null) {
            text.measure(measure);
            for (DeadlineRule rule : measure.deadlines()) {
                deadlines.add(deadline(rule.kind(), rule.label(), rule.due(), rule.source(), notice, calendar));
            }
        }
        for (CompiledPolicy.CompiledReferral r : p.referrals) {
            if (r.condition().eval(values, results, null, null) == Tri.TRUE) {
                Referral referral = r.referral();
                deadlines.add(deadline(DeadlineKind.REFERRAL, referral.label(), referral.due(), referral.source(), notice, calendar));
            }
        }
        text.deadlines(deadlines);
        List<String> flags = new ArrayList<>();
        for (CompiledPolicy.CompiledFlag f : p.flags) {
            if (f.condition().eval(values, results, null, null) == Tri.TRUE) {
                flags.add(f.flag().label());
            }
        }
        text.flags(flags);

        Map<String, Boolean> tests = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            tests.put(p.tests[i].test().id(), results[i] < 0 ? null : results[i] == 1);
        }
        List<String> possibleIds = new ArrayList<>(possible.size());
        for (int c : possible) {
            possibleIds.add(c < 0 ? Category.NONE : p.categories[c].category().id());
        }
        return new Classification(p.info.id(), p.info.version(), category, categoryLabel, possibleIds, zone,
                Collections.unmodifiableMap(tests), measure, List.copyOf(deadlines), List.copyOf(flags), List.copyOf(questions),
                text.toString(), notice, fingerprint);
    }

    /** The category (low byte, index + 1) and the disposal (next bytes, index + 1; one byte per zone when the zone is open). */
    private static long outcome(CompiledPolicy p, byte[] tests, int zoneIndex, boolean zoneOpen) {
        int c = category(p, tests);
        long key = c + 1;
        if (c < 0) {
            return key;
        }
        if (!zoneOpen) {
            return key | ((long) (disposal(p, c, zoneIndex, tests) + 1) << 8);
        }
        for (int z = 0; z < p.zones.size(); z++) {
            key |= (long) (disposal(p, c, z, tests) + 1) << (8 + 8 * z);
        }
        return key;
    }

    private static int category(CompiledPolicy p, byte[] tests) {
        for (int c = 0; c < p.categories.length; c++) {
            if (p.categories[c].condition().eval(null, tests, null, null) == Tri.TRUE) {
                return c;
            }
        }
        return -1;
    }

    private static int disposal(CompiledPolicy p, int c, int zone, byte[] tests) {
        List<CompiledDisposal> disposals = p.categories[c].disposals();
        for (int d = 0; d < disposals.size(); d++) {
            CompiledDisposal disposal = disposals.get(d);
            if (zone >= 0 && (disposal.zoneMask() & (1 << zone)) == 0) {
                continue;
            }
            if (disposal.condition() == null || disposal.condition().eval(null, tests, null, null) == Tri.TRUE) {
                return d;
            }
        }
        return -1;
    }

    /** The disposal of an outcome; with the zone open, only when every zone has the same one. */
    private static int chosenDisposal(CompiledPolicy p, long key, boolean zoneOpen) {
        if (!zoneOpen) {
            return (int) ((key >>> 8) & 0xFF) - 1;
        }
        int first = (int) ((key >>> 8) & 0xFF);
        for (int z = 1; z < p.zones.size(); z++) {
            if ((int) ((key >>> (8 + 8 * z)) & 0xFF) != first) {
                return -1;
            }
        }
        return first - 1;
    }

    private static long[] enumerate(CompiledPolicy p, byte[] results, int[] unknownTests, int zoneIndex, boolean zoneOpen) {
        int k = unknownTests.length;
        long[] keys = new long[1 << k];
        byte[] trial = results.clone();
        for (int mask = 0; mask < keys.length; mask++) {
            for (int i = 0; i < k; i++) {
                trial[unknownTests[i]] = (byte) ((mask >>> i) & 1);
            }
            keys[mask] = outcome(p, trial, zoneIndex, zoneOpen);
        }
        return keys;
    }

    /** True when flipping the i-th unknown test changes the outcome somewhere. */
    private static boolean matters(long[] keys, int i) {
        for (int mask = 0; mask < keys.length; mask++) {
            if (keys[mask] != keys[mask ^ (1 << i)]) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> possibleCategories(long[] keys) {
        BitSet seen = new BitSet();
        for (long key : keys) {
            seen.set((int) (key & 0xFF));
        }
        List<Integer> result = new ArrayList<>();
        for (int c = seen.nextSetBit(1); c >= 0; c = seen.nextSetBit(c + 1)) {
            result.add(c - 1);
        }
        if (seen.get(0)) {
            result.add(-1);
        }
        return result;
    }

    private static List<Integer> allCategories(CompiledPolicy p) {
        List<Integer> result = new ArrayList<>();
        for (int c = 0; c < p.categories.length; c++) {
            result.add(c);
        }
        result.add(-1);
        return result;
    }

    static Deadline deadline(DeadlineKind kind, String label, Due due, String source, LocalDate notice, WorkingDayCalendar calendar) {
        LocalDate date = due.dateFrom(notice, calendar);
        String note = null;
        if (due.relative() && notice == null) {
            note = "告知日期未定";
        } else if (date != null && notice != null && date.isBefore(notice)) {
            note = "早于告知日期，告知时即已逾期";
        } else if (due instanceof Due.WorkingDays && date != null && !(calendar.covers(notice) && calendar.covers(date))) {
            note = "相关年份的节假日安排尚未导入，按周一至周五计算";
        }
        return new Deadline(kind, label, date, due.describe(), note, source);
    }
}
