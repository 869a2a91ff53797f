package org.qingyuan.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.qingyuan.access.Scope;
import org.qingyuan.reporting.ReportPunctuality;
import org.qingyuan.reporting.Submission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home pages' reading of the submissions: the towns' current submissions of each report's latest two started
 * periods, classified as the list page does (frozen and not late: on time; frozen and late: late; not frozen and late:
 * missing; otherwise pending).
 */
@Service
@Transactional(readOnly = true)
class PunctualityReads implements ReportPunctuality {

    static final int PERIODS = 2;

    private final SubmissionStore store;
    private final Clock clock;

    PunctualityReads(SubmissionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<TownReports> byTown(Scope scope) {
        LocalDate today = today();
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (Submission s : recent(scope, today)) {
            var j = s.subject();
            names.put(j.unitDivision(), j.unitName());
            int[] c = counts.computeIfAbsent(j.unitDivision(), k -> new int[5]);
            boolean late = s.late(today);
            boolean frozen = s.state().frozen();
            c[0]++;
            c[frozen ? (late ? 2 : 1) : (late ? 3 : 4)]++;
        }
        List<TownReports> out = new ArrayList<>();
        counts.forEach((code, c) -> out.add(new TownReports(code, names.get(code), c[0], c[1], c[2], c[3], c[4])));
        return out;
    }

    @Override
    public List<OpenReport> open(Scope scope) {
        LocalDate today = today();
        return recent(scope, today).stream().filter(s -> !s.state().frozen())
                .map(s -> new OpenReport(s.id(), s.subject().dutyTitle(), s.subject().periodLabel(), s.subject().due(),
                        s.late(today)))
                .sorted(Comparator.comparing(OpenReport::overdue).reversed().thenComparing(OpenReport::due)).toList();
    }

    /** The towns' current submissions of each report's latest {@value #PERIODS} periods started by today. */
    List<Submission> recent(Scope scope, LocalDate today) {
        List<Submission> towns = store.list(scope.prefix(), scope.department(), null, null, false, null, null).stream()
                .filter(s -> "TOWN".equals(s.subject().unitKind()) && !s.subject().periodStart().isAfter(today)).toList();
        Map<String, List<LocalDate>> starts = new HashMap<>();
        towns.forEach(s -> {
            List<LocalDate> l = starts.computeIfAbsent(s.subject().dutyId(), k -> new ArrayList<>());
            if (!l.contains(s.subject().periodStart())) {
                l.add(s.subject().periodStart());
            }
        });
        starts.values().forEach(l -> l.sort(Comparator.reverseOrder()));
        return towns.stream().filter(s -> {
            List<LocalDate> l = starts.get(s.subject().dutyId());
            return l.indexOf(s.subject().periodStart()) < PERIODS;
        }).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Submission.CHINA_ZONE));
    }
}
