package org.qingyuan.reporting.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.qingyuan.reporting.Submission;
import org.qingyuan.reporting.SubmissionView;

/** A submission as JSON. */
record SubmissionJson(long id, Report report, Period period, Unit unit, String state, String stateName, boolean late,
                      int generation, Long supersedes, Long supersededBy, Instant asOf, String summary, Instant submittedAt,
                      String submittedBy, String seal, Boolean sealValid, String returnReason, List<File> files,
                      Liaison liaison, int version) {

    record Report(String policy, String id, String title, List<String> parts, String recipient) {
    }

    record Period(String key, String label, LocalDate start, LocalDate cutOff, LocalDate due) {
    }

    record Unit(String key, String name, String kind) {
    }

    record File(String part, String partName, String fileName, String mediaType, int size, String sm3, String link) {
    }

    record Liaison(String name, String phone) {
    }

    static SubmissionJson of(SubmissionView v) {
        Submission s = v.submission();
        Submission.Subject j = s.subject();
        return new SubmissionJson(s.id(), new Report(j.policyId(), j.dutyId(), j.dutyTitle(), j.parts(), j.recipient()),
                new Period(j.periodKey(), j.periodLabel(), j.periodStart(), j.cutOff(), j.due()),
                new Unit(j.unitKey(), j.unitName(), j.unitKind()), s.state().name(), s.state().label(), v.late(),
                s.generation(), s.supersedes(), s.supersededByOrNull(), s.asOf(), s.summary(), s.submittedAt(),
                s.submittedByName(), s.seal(), v.sealValid(), s.returnReason(),
                v.files().stream().map(f -> new File(f.part(), f.partLabel(), f.fileName(), f.mediaType(), f.size(), f.sm3(),
                        "/api/v1/reports/submissions/" + s.id() + "/files/" + f.part())).toList(),
                v.liaisonName() == null ? null : new Liaison(v.liaisonName(), v.liaisonPhone()), s.version());
    }
}
