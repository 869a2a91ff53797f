package org.qingyuan.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.organisation.Liaison;
import org.qingyuan.organisation.Liaisons;
import org.qingyuan.policy.ReportPeriod;
import org.qingyuan.reporting.Submission;
import org.qingyuan.reporting.SubmissionFile;
import org.qingyuan.reporting.SubmissionView;
import org.qingyuan.reporting.Submissions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.Sm3;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The submissions' commands and queries: each command loads, lets the aggregate decide, stores, audits. */
@Service
@Transactional
class SubmissionService implements Submissions {

    static final String OBJECT = "ReportSubmission";
    static final int MAX_SCAN = 20 * 1024 * 1024;

    private final SubmissionStore store;
    private final ReportCalendar calendar;
    private final ReportingUnits units;
    private final SubmissionFiles files;
    private final Liaisons liaisons;
    private final ReportNotices notices;
    private final AuditTrail audit;
    private final Clock clock;

    SubmissionService(SubmissionStore store, ReportCalendar calendar, ReportingUnits units, SubmissionFiles files,
                      Liaisons liaisons, ReportNotices notices, AuditTrail audit, Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.units = units;
        this.files = files;
        this.liaisons = liaisons;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public int openPeriods(LocalDate today) {
        int created = 0;
        Instant now = now();
        for (ReportCalendar.Duty duty : calendar.duties()) {
            ReportPeriod current = calendar.periodContaining(duty.duty(), today);
            for (ReportPeriod period : List.of(calendar.previous(duty.duty(), current), current)) {
                for (ReportingUnits.Unit unit : units.all()) {
                    if (!ReportCalendar.submittedBy(duty.duty(), unit.kind())) {
                        continue;
                    }
                    List<String> parts = new ArrayList<>(duty.parts());
                    if (unit.kind().equals("DEPARTMENT")) {
                        // a department keeps no division's ledger: it reports its summary and sealed copy
                        parts.removeAll(List.of("LEDGER_FORM", "STATISTICS_TABLE"));
                    }
                    if (parts.isEmpty()) {
                        continue;
                    }
                    Submission.Subject subject = new Submission.Subject(duty.policyId(), duty.duty().id(), duty.duty().title(),
                            parts, duty.duty().form(), duty.duty().recipient(), period.key(), period.label(), period.start(),
                            period.cutOff(), period.due(), calendar.reminderDate(duty.duty(), period), unit.key(), unit.name(),
                            unit.kind(), unit.division());
                    if (store.createIfAbsent(Submission.due(subject), now)) {
                        created++;
                    }
                }
            }
        }
        return created;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SubmissionView> list(CurrentUser user, String periodKey, String dutyId) {
        return store.list(user.scope().prefix(), user.scope().department(), blank(periodKey), blank(dutyId), false, null, null)
                .stream().map(s -> view(user, s, false)).toList();
    }

    /** The current submissions the user sees whose due date falls in [from, to] (for the bulletins). */
    @Transactional(readOnly = true)
    List<SubmissionView> dueBetween(CurrentUser user, LocalDate from, LocalDate to) {
        return store.list(user.scope().prefix(), user.scope().department(), null, null, false, from, to).stream()
                .map(s -> view(user, s, false)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public SubmissionView get(CurrentUser user, long id) {
        return view(user, visible(user, id), true);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SubmissionView> chain(CurrentUser user, long id) {
        Submission s = visible(user, id);
        List<Submission> all = store.list(s.subject().unitDivision(), null, s.subject().periodKey(), s.subject().dutyId(), true,
                null, null);
        return all.stream().filter(o -> o.subject().unitKey().equals(s.subject().unitKey())).map(o -> view(user, o, true)).toList();
    }

    @Override
    public SubmissionView prepare(CurrentUser user, long id, int version) {
        return prepareAt(user, id, version, now());
    }

    /** Prepares as of an instant (now, or a demo's past day): the forms as of the cut-off, or of that instant before it. */
    SubmissionView prepareAt(CurrentUser user, long id, int version, Instant now) {
        Submission s = own(user, id);
        Instant asOf = s.generationInstant(now);
        s.prepared(asOf, user.username(), now);
        for (SubmissionFiles.Generated f : files.generate(s, asOf)) {
            store.putFile(id, f.part(), f.fileName(), f.mediaType(), f.content(), Sm3.hex(f.content()), user.username(), now);
        }
        store.update(s, version);
        record("REPORT_PREPARED", s, null, Map.of("asOf", asOf.toString()));
        return get(user, id);
    }

    @Override
    public SubmissionView writeSummary(CurrentUser user, long id, int version, String summary) {
        Submission s = own(user, id);
        s.writeSummary(summary);
        store.update(s, version);
        record("REPORT_SUMMARY_WRITTEN", s, null, Map.of("length", summary == null ? 0 : summary.length()));
        return get(user, id);
    }

    @Override
    public SubmissionView attachScan(CurrentUser user, long id, int version, String fileName, byte[] content) {
        Submission s = own(user, id);
        String type = ScanTypes.mediaType(content);
        if (content.length > MAX_SCAN) {
            throw new org.qingyuan.shared.InvalidInputException("scan", "扫描件不能超过 20 MB");
        }
        if (s.state().frozen() || s.supersededByOrNull() != null) {
            s.writeSummary(s.summary()); // refused with the state's reason
        }
        Instant now = now();
        String name = fileName == null || fileName.isBlank() ? "盖章扫描件" + ScanTypes.extension(type) : fileName.strip();
        String sm3 = Sm3.hex(content);
        store.putFile(id, "SEALED_SCAN", name, type, content, sm3, user.username(), now);
        store.update(s, version);
        record("REPORT_SCAN_ATTACHED", s, null, Map.of("file", name, "sm3", sm3, "size", content.length));
        return get(user, id);
    }

    @Override
    public SubmissionView submit(CurrentUser user, long id, int version) {
        return submitAt(user, id, version, now());
    }

    /** Submits as of an instant (now, or a demo's past day). */
    SubmissionView submitAt(CurrentUser user, long id, int version, Instant now) {
        Submission s = own(user, id);
        if (s.summary() != null && s.subject().requires("WRITTEN_SUMMARY") && s.state() == org.qingyuan.reporting.SubmissionState.PREPARED) {
            SubmissionFiles.Generated doc = files.summary(s, now.atZone(Submission.CHINA_ZONE).toLocalDate());
            store.putFile(id, doc.part(), doc.fileName(), doc.mediaType(), doc.content(), Sm3.hex(doc.content()),
                    user.username(), now);
        }
        List<SubmissionFile> stored = store.files(id);
        String manifest = Seal.manifest(s, stored, user.username(), user.displayName(), now);
        s.submit(stored.stream().map(SubmissionFile::part).toList(), user.username(), user.displayName(), now, manifest,
                Seal.of(manifest));
        store.update(s, version);
        record("REPORT_SUBMITTED", s, null, Map.of("seal", s.seal(), "late", s.late(today())));
        notices.submitted(s);
        return get(user, id);
    }

    @Override
    public SubmissionView receive(CurrentUser user, long id, int version) {
        return receiveAt(user, id, version, now());
    }

    SubmissionView receiveAt(CurrentUser user, long id, int version, Instant at) {
        Submission s = answerable(user, id);
        s.receive(user.username(), at);
        store.update(s, version);
        record("REPORT_RECEIVED", s, null, Map.of());
        notices.answered(s);
        return get(user, id);
    }

    @Override
    public SubmissionView returnWith(CurrentUser user, long id, int version, String reason) {
        Submission s = answerable(user, id);
        s.returnWith(reason, user.username(), now());
        store.update(s, version);
        record("REPORT_RETURNED", s, reason, Map.of());
        notices.answered(s);
        return get(user, id);
    }

    @Override
    public SubmissionView correct(CurrentUser user, long id, int version) {
        Submission s = own(user, id);
        Submission correction = s.correction();
        long correctionId = store.insertCorrection(correction, s, now());
        s.supersededBy(correctionId);
        store.update(s, version);
        record("REPORT_CORRECTION_STARTED", s, null, Map.of("correction", correctionId));
        return get(user, correctionId);
    }

    @Override
    @Transactional(readOnly = true)
    public StoredFile file(CurrentUser user, long id, String part) {
        visible(user, id);
        SubmissionFile f = store.files(id).stream().filter(x -> x.part().equals(part)).findFirst()
                .orElseThrow(() -> new NotFoundException("该报送没有这个文件"));
        byte[] content = store.content(id, part).orElseThrow();
        if (!Sm3.hex(content).equals(f.sm3())) {
            throw new IllegalStateException("报送文件与其 SM3 摘要不符：submission " + id + " " + part);
        }
        return new StoredFile(f.fileName(), f.mediaType(), content);
    }

    private SubmissionView view(CurrentUser user, Submission s, boolean withFiles) {
        List<SubmissionFile> stored = withFiles ? store.files(s.id()) : List.of();
        Liaison liaison = liaisonOf(s);
        Boolean sealValid = withFiles && s.state().frozen()
                ? Seal.valid(s, stored, part -> store.content(s.id(), part).orElse(null)) : null;
        return new SubmissionView(s, s.late(today()), stored, actsFor(user, s) && s.supersededByOrNull() == null,
                liaison == null ? null : liaison.name(), liaison == null ? null : liaison.phone(), sealValid);
    }

    Liaison liaisonOf(Submission s) {
        Submission.Subject j = s.subject();
        return j.unitKind().equals("DEPARTMENT") ? null : liaisons.forDivision(DivisionCode.of(j.unitKey())).orElse(null);
    }

    private Submission visible(CurrentUser user, long id) {
        Submission s = store.find(id).orElseThrow(() -> new NotFoundException("报送记录不存在或不在您的辖区内"));
        Submission.Subject j = s.subject();
        boolean covered = user.scope().covers(DivisionCode.of(j.unitDivision()))
                && (user.scope().department() == null || (j.unitKind().equals("DEPARTMENT") && j.unitKey().equals(user.scope().department())));
        if (!covered) {
            throw new NotFoundException("报送记录不存在或不在您的辖区内");
        }
        return s;
    }

    /** A submission of the user's own unit. */
    private Submission own(CurrentUser user, long id) {
        Submission s = visible(user, id);
        if (!actsFor(user, s)) {
            throw new AccessDeniedException("只能由" + s.subject().unitName() + "报送本单位的报表");
        }
        return s;
    }

    /** A submission the district office answers (the district's own included). */
    private Submission answerable(CurrentUser user, long id) {
        Submission s = visible(user, id);
        if (user.scope().department() != null || user.scope().division().level() != org.qingyuan.shared.DivisionLevel.COUNTY) {
            throw new AccessDeniedException("只有区整治办可以接收或退回报送");
        }
        return s;
    }

    static boolean actsFor(CurrentUser user, Submission s) {
        Submission.Subject j = s.subject();
        return switch (j.unitKind()) {
            case "DEPARTMENT" -> j.unitKey().equals(user.scope().department());
            default -> user.scope().department() == null && user.scope().division().value().equals(j.unitKey())
                    && !"VILLAGE_OFFICER".equals(user.roleCode()) && !"GRID_MEMBER".equals(user.roleCode());
        };
    }

    private void record(String action, Submission s, String reason, Map<String, Object> details) {
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.put("unit", s.subject().unitKey());
        d.put("period", s.subject().periodKey());
        d.put("report", s.subject().dutyId());
        d.put("generation", s.generation());
        audit.record(new AuditEvent(action, OBJECT, Long.toString(s.id()), reason, d));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Submission.CHINA_ZONE));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
