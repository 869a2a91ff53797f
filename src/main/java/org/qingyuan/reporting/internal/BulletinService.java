package org.qingyuan.reporting.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.qingyuan.region.Divisions;
import org.qingyuan.reporting.Bulletin;
import org.qingyuan.reporting.BulletinDraft;
import org.qingyuan.reporting.BulletinKind;
import org.qingyuan.reporting.Bulletins;
import org.qingyuan.reporting.Submission;
import org.qingyuan.reporting.SubmissionView;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.Sm3;
import org.qingyuan.statistics.Dimension;
import org.qingyuan.statistics.LedgerStatistics;
import org.qingyuan.statistics.Tally;
import org.qingyuan.statistics.TallyRow;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The bulletins: drafted from the statistics and the submissions of the period, published once, frozen. */
@Service
@Transactional
class BulletinService implements Bulletins {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> RECIPIENT_ROLES = List.of("DISTRICT_OFFICE", "TOWN_OFFICER", "DEPARTMENT_OFFICER",
            "SUPERVISOR", "LEADER");

    private final LedgerStatistics statistics;
    private final SubmissionService submissions;
    private final Divisions divisions;
    private final Inbox inbox;
    private final org.qingyuan.access.RoleHolders holders;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    BulletinService(LedgerStatistics statistics, SubmissionService submissions, Divisions divisions, Inbox inbox,
                    org.qingyuan.access.RoleHolders holders, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.holders = holders;
        this.statistics = statistics;
        this.submissions = submissions;
        this.divisions = divisions;
        this.inbox = inbox;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public BulletinDraft draft(CurrentUser user, BulletinKind kind, LocalDate day) {
        DivisionCode district = district(user);
        LocalDate today = today();
        BulletinPeriods period = BulletinPeriods.of(kind, day, today);
        if (period.start().isAfter(today)) {
            throw new InvalidInputException("day", "该" + kind.label() + "的期间尚未开始");
        }
        LocalDate asOf = period.end().isAfter(today) ? today : period.end();
        Tally tally = statistics.tally(user.scope(), district, Dimension.TOWN, asOf, period.start());
        List<TallyRow> sorted = new ArrayList<>(tally.rows());
        sorted.sort(Comparator.comparing((TallyRow r) -> r.completionRate() == null ? BigDecimal.valueOf(-1) : r.completionRate())
                .reversed().thenComparing(Comparator.comparingInt(TallyRow::closedOut).reversed()));
        List<BulletinDraft.Ranked> ranking = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            ranking.add(new BulletinDraft.Ranked(i + 1, sorted.get(i)));
        }
        List<SubmissionView> overdue = submissions.dueBetween(user, period.start(), period.end()).stream()
                .filter(SubmissionView::late).toList();
        Integer published = jdbc.sql("SELECT number FROM bulletin WHERE division = :d AND kind = :k AND period_key = :p")
                .param("d", district.value()).param("k", kind.name()).param("p", period.key()).query(Integer.class)
                .optional().orElse(null);
        int year = today.getYear();
        int number = published != null ? published : jdbc.sql("""
                        SELECT coalesce(max(number), 0) + 1 FROM bulletin WHERE division = :d AND kind = :k AND year = :y
                        """).param("d", district.value()).param("k", kind.name()).param("y", year).query(Integer.class).single();
        String name = divisions.get(district).name();
        return new BulletinDraft(kind, year, number, period.key(), period.label(), period.start(), period.end(),
                name + "“散乱污”企业综合整治工作" + kind.label(), name + "“散乱污”企业整治工作领导小组办公室", tally, ranking,
                overdue, published != null);
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] preview(CurrentUser user, BulletinKind kind, LocalDate day, String problems, String requirements) {
        return BulletinDocument.write(draft(user, kind, day), problems, requirements, today());
    }

    @Override
    public Bulletin publish(CurrentUser user, BulletinKind kind, LocalDate day, String problems, String requirements) {
        BulletinDraft d = draft(user, kind, day);
        if (d.alreadyPublished()) {
            throw new ConflictException(d.periodLabel() + "的" + kind.label() + "已印发（" + d.issueNumber() + "），不能重复印发");
        }
        LocalDate today = today();
        byte[] doc = BulletinDocument.write(d, problems, requirements, today);
        String sm3 = Sm3.hex(doc);
        String fileName = d.title() + d.issueNumber() + ".docx";
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("asOf", d.tally().asOf().toString());
        figures.put("total", d.tally().total());
        figures.put("ranking", d.ranking());
        figures.put("overdueReports", d.overdueReports().stream().map(v -> v.submission().subject().unitName() + " "
                + v.submission().subject().dutyTitle() + " " + v.submission().subject().periodLabel()).toList());
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO bulletin (division, kind, year, number, period_key, period_label, period_start, period_end, title,
                                issuer, issued_on, problems, requirements, figures, file_name, content, sm3, published_at, published_by)
                            VALUES (:division, :kind, :year, :number, :key, :label, :start, :end, :title, :issuer, :issued, :problems,
                                :requirements, CAST(:figures AS jsonb), :file, :content, :sm3, :at, :by)
                            RETURNING id
                            """)
                    .param("division", district(user).value()).param("kind", kind.name()).param("year", d.year())
                    .param("number", d.number()).param("key", d.periodKey()).param("label", d.periodLabel())
                    .param("start", d.periodStart()).param("end", d.periodEnd()).param("title", d.title())
                    .param("issuer", d.issuer()).param("issued", today).param("problems", blank(problems))
                    .param("requirements", blank(requirements)).param("figures", JSON.writeValueAsString(figures))
                    .param("file", fileName).param("content", doc).param("sm3", sm3)
                    .param("at", Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS))).param("by", user.username())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("编号 " + d.issueNumber() + " 或本期" + kind.label() + "刚被他人印发，请刷新后重试");
        }
        inbox.deliver(holders.within(RECIPIENT_ROLES, district(user).value()), new Notice("BULLETIN_PUBLISHED",
                d.title() + d.issueNumber(), "区整治办印发了" + d.periodLabel() + "的" + kind.label() + "，请查阅。",
                "/bulletins/" + id, "bulletin-" + id));
        audit.record(new AuditEvent("BULLETIN_PUBLISHED", "Bulletin", Long.toString(id), null,
                Map.of("kind", kind.name(), "number", d.issueNumber(), "period", d.periodKey(), "sm3", sm3)));
        return get(user, id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Bulletin> list(CurrentUser user) {
        return jdbc.sql(SELECT + " WHERE division = :d ORDER BY published_at DESC").param("d", user.scope().prefix().length() >= 6
                        ? user.scope().prefix().substring(0, 6) : user.scope().prefix())
                .query(BulletinService::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Bulletin get(CurrentUser user, long id) {
        Bulletin b = jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(BulletinService::map).optional()
                .orElseThrow(() -> new NotFoundException("通报不存在"));
        String division = jdbc.sql("SELECT division FROM bulletin WHERE id = :id").param("id", id).query(String.class).single();
        DivisionCode code = DivisionCode.of(division);
        if (!user.scope().covers(code) && !code.contains(user.scope().division())) {
            throw new NotFoundException("通报不存在");
        }
        return b;
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] file(CurrentUser user, long id) {
        Bulletin b = get(user, id);
        byte[] content = jdbc.sql("SELECT content FROM bulletin WHERE id = :id").param("id", id).query(byte[].class).single();
        if (!Sm3.hex(content).equals(b.sm3())) {
            throw new IllegalStateException("通报文件与其 SM3 摘要不符：bulletin " + id);
        }
        return content;
    }

    private static final String SELECT = """
            SELECT id, kind, year, number, period_key, period_label, period_start, period_end, title, issuer, issued_on, problems,
                   requirements, file_name, sm3, published_at, published_by FROM bulletin""";

    private static Bulletin map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Bulletin(rs.getLong(1), BulletinKind.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9),
                rs.getString(10), rs.getObject(11, LocalDate.class), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getTimestamp(16).toInstant(), rs.getString(17));
    }

    /** The district the user's office covers: only the district office (a county-level scope) issues bulletins. */
    private static DivisionCode district(CurrentUser user) {
        DivisionCode d = user.scope().division();
        if (d.level() != DivisionLevel.COUNTY || user.scope().department() != null) {
            throw new AccessDeniedException("通报由区整治办编发");
        }
        return d;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Submission.CHINA_ZONE));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
