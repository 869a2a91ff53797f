package org.qingyuan.rectification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.qingyuan.rectification.CaseView;
import org.qingyuan.rectification.RectificationCase;
import org.springframework.stereotype.Component;

/** A case as its page and the API show it: the aggregate, the enterprise's place, the timeline with names. */
@Component
class CaseViews {

    private final CaseTimeline timelines;
    private final org.qingyuan.access.UserNames userNames;
    private final Clock clock;

    CaseViews(CaseTimeline timelines, org.qingyuan.access.UserNames userNames, Clock clock) {
        this.timelines = timelines;
        this.userNames = userNames;
        this.clock = clock;
    }

    CaseView view(CaseStore.Row row) {
        RectificationCase c = row.rectificationCase();
        List<Long> evidence = c.items().values().stream().flatMap(i -> i.evidenceIds().stream()).distinct().toList();
        List<CaseView.TimelineStep> timeline = timelines.timeline(c.id());
        // every actor of the case left a step; the items, acceptance and close-out name the same people
        java.util.Set<String> actors = new java.util.HashSet<>();
        timeline.forEach(s -> actors.add(s.actor()));
        c.items().values().forEach(i -> {
            actors.add(i.recordedBy());
            actors.add(i.reviewedBy());
        });
        c.enforcements().forEach(e -> actors.add(e.recordedBy()));
        actors.add(c.acceptedBy());
        actors.add(c.closedOutBy());
        actors.remove(null);
        Map<String, String> names = userNames.displayNames(actors);
        List<CaseView.TimelineStep> named = timeline.stream().map(s -> new CaseView.TimelineStep(s.id(), s.kind(), s.actor(),
                names.getOrDefault(s.actor(), s.actor()), s.at(), s.detail(), s.caseVersion())).toList();
        return new CaseView(c, row.enterpriseName(), row.address(), row.longitude(), row.latitude(), named, evidence,
                c.overdue(LocalDate.now(clock.withZone(EvidenceCheck.CHINA))), names);
    }
}
