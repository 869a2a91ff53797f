package org.qingyuan.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;

/**
 * A unit's submission of one report for one period: the aggregate that guards the order of the steps (prepare, submit,
 * receive or return, correct) and what may change when. Lateness is the period's: a submission made after the due date
 * stays late, and a correction keeps its chain's first submission time.
 */
public final class Submission {

    /** The platform's time zone: periods, due dates and lateness are China's calendar days. */
    public static final ZoneId CHINA_ZONE = ZoneId.of("Asia/Shanghai");

    /** What identifies the report, the period and the unit; fixed at creation. */
    public record Subject(String policyId, String dutyId, String dutyTitle, List<String> parts, String form, String recipient,
                          String periodKey, String periodLabel, LocalDate periodStart, LocalDate cutOff, LocalDate due,
                          LocalDate remindOn, String unitKey, String unitName, String unitKind, String unitDivision) {

        public boolean requires(String part) {
            return parts.contains(part);
        }
    }

    private final Long id;
    private final Subject subject;
    private final int generation;
    private final Long supersedes;
    private Long supersededBy;
    private SubmissionState state;
    private Instant asOf;
    private String summary;
    private Instant preparedAt;
    private String preparedBy;
    private Instant submittedAt;
    private String submittedBy;
    private String submittedByName;
    private String manifest;
    private String seal;
    private final Instant firstSubmittedAt;
    private Instant answeredAt;
    private String answeredBy;
    private String returnReason;
    private final int version;

    /** The stored fields, for the store. */
    public record Stored(Long id, Subject subject, int generation, Long supersedes, Long supersededBy, SubmissionState state,
                         Instant asOf, String summary, Instant preparedAt, String preparedBy, Instant submittedAt,
                         String submittedBy, String submittedByName, String manifest, String seal, Instant firstSubmittedAt,
                         Instant answeredAt, String answeredBy, String returnReason, int version) {
    }

    public Submission(Stored s) {
        this.id = s.id();
        this.subject = s.subject();
        this.generation = s.generation();
        this.supersedes = s.supersedes();
        this.supersededBy = s.supersededBy();
        this.state = s.state();
        this.asOf = s.asOf();
        this.summary = s.summary();
        this.preparedAt = s.preparedAt();
        this.preparedBy = s.preparedBy();
        this.submittedAt = s.submittedAt();
        this.submittedBy = s.submittedBy();
        this.submittedByName = s.submittedByName();
        this.manifest = s.manifest();
        this.seal = s.seal();
        this.firstSubmittedAt = s.firstSubmittedAt();
        this.answeredAt = s.answeredAt();
        this.answeredBy = s.answeredBy();
        this.returnReason = s.returnReason();
        this.version = s.version();
    }

    /** A new submission, due from the start of its period. */
    public static Submission due(Subject subject) {
        return new Submission(new Stored(null, subject, 1, null, null, SubmissionState.DUE, null, null, null, null, null, null,
                null, null, null, null, null, null, null, 0));
    }

    /** The instant the forms are generated as of: the end of the cut-off day, or now when the period is still running. */
    public Instant generationInstant(Instant now) {
        Instant cutOffEnd = subject.cutOff().plusDays(1).atStartOfDay(CHINA_ZONE).toInstant().minusNanos(1000);
        return now.isBefore(cutOffEnd) ? now : cutOffEnd;
    }

    /** Marks the forms generated (again) as of an instant; refused once submitted or superseded. */
    public void prepared(Instant generatedAsOf, String by, Instant at) {
        requireOpen("生成报表");
        this.asOf = generatedAsOf;
        this.preparedAt = at;
        this.preparedBy = by;
        this.state = SubmissionState.PREPARED;
    }

    /** Changes the written summary (工作总结) before submitting. */
    public void writeSummary(String text) {
        requireOpen("修改工作总结");
        this.summary = text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * Submits: refused unless prepared and complete ({@code filesPresent}: the parts with a file); the manifest and seal
     * are computed by the caller over exactly what is frozen.
     */
    public void submit(List<String> filesPresent, String by, String byName, Instant at, String manifest, String seal) {
        if (supersededBy != null || state != SubmissionState.PREPARED) {
            throw new ConflictException("当前状态为“" + state.label() + "”，" + (state == SubmissionState.DUE ? "请先生成报表" : "不能再次提交"));
        }
        for (String part : subject.parts()) {
            if ("WRITTEN_SUMMARY".equals(part) && summary == null) {
                throw new InvalidInputException("summary", "本报表须附工作总结，请填写后再提交");
            }
            if ("SEALED_SCAN".equals(part) && !filesPresent.contains(part)) {
                throw new InvalidInputException("scan", "本报表须上传加盖公章的扫描件（PDF 或图片），请上传后再提交");
            }
        }
        this.submittedAt = at;
        this.submittedBy = by;
        this.submittedByName = byName;
        this.manifest = manifest;
        this.seal = seal;
        this.state = SubmissionState.SUBMITTED;
    }

    /** The district office receives it. */
    public void receive(String by, Instant at) {
        requireSubmitted("接收");
        this.state = SubmissionState.RECEIVED;
        this.answeredAt = at;
        this.answeredBy = by;
    }

    /** The district office returns it with a reason (required). */
    public void returnWith(String reason, String by, Instant at) {
        requireSubmitted("退回");
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请填写退回原因");
        }
        this.state = SubmissionState.RETURNED;
        this.answeredAt = at;
        this.answeredBy = by;
        this.returnReason = reason.strip();
    }

    /** A correction: a new submission of the same report, period and unit that will supersede this one once stored. */
    public Submission correction() {
        if (!state.frozen() || supersededBy != null) {
            throw new ConflictException(supersededBy != null ? "该报送已有更正，请在最新的一份上操作"
                    : "尚未报送，无需更正：直接修改后提交");
        }
        return new Submission(new Stored(null, subject, generation + 1, id, null, SubmissionState.DUE, null, summary, null,
                null, null, null, null, null, null, firstSubmittedAt != null ? firstSubmittedAt : submittedAt, null, null, null,
                0));
    }

    /** Links this one to the correction that supersedes it. */
    public void supersededBy(long correctionId) {
        this.supersededBy = correctionId;
    }

    /** Late: not submitted by the due date (today past it), or first submitted after it. */
    public boolean late(LocalDate today) {
        Instant first = firstSubmittedAt != null ? firstSubmittedAt : submittedAt;
        if (first == null) {
            return today.isAfter(subject.due());
        }
        return first.atZone(CHINA_ZONE).toLocalDate().isAfter(subject.due());
    }

    /** The day the chain was first submitted, or null. */
    public LocalDate submittedOn() {
        Instant first = firstSubmittedAt != null ? firstSubmittedAt : submittedAt;
        return first == null ? null : first.atZone(CHINA_ZONE).toLocalDate();
    }

    private void requireOpen(String what) {
        if (supersededBy != null || state.frozen()) {
            throw new ConflictException("已报送的内容不能修改（当前状态为“" + state.label() + "”），如需更正请另行报送更正件；不能" + what);
        }
    }

    private void requireSubmitted(String what) {
        if (supersededBy != null || state != SubmissionState.SUBMITTED) {
            throw new ConflictException("当前状态为“" + state.label() + "”，不能" + what);
        }
    }

    public Stored stored() {
        return new Stored(id, subject, generation, supersedes, supersededBy, state, asOf, summary, preparedAt, preparedBy,
                submittedAt, submittedBy, submittedByName, manifest, seal, firstSubmittedAt, answeredAt, answeredBy,
                returnReason, version);
    }

    public Long id() { return id; }
    public Subject subject() { return subject; }
    public int generation() { return generation; }
    public Long supersedes() { return supersedes; }
    public Long supersededByOrNull() { return supersededBy; }
    public SubmissionState state() { return state; }
    public Instant asOf() { return asOf; }
    public String summary() { return summary; }
    public Instant submittedAt() { return submittedAt; }
    public String submittedBy() { return submittedBy; }
    public String submittedByName() { return submittedByName; }
    public String manifest() { return manifest; }
    public String seal() { return seal; }
    public Instant answeredAt() { return answeredAt; }
    public String answeredBy() { return answeredBy; }
    public String returnReason() { return returnReason; }
    public Instant preparedAt() { return preparedAt; }
    public int version() { return version; }
}
